package dev.llmqa.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqa.Fixtures;
import dev.llmqa.WarmTools;
import dev.llmqa.config.SiteConfig;
import dev.llmqa.problem.BuildFailed;
import dev.llmqa.problem.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Incremental equals clean: random sequences of edits to a small site (prose, prose above a page's code, a formula, code that runs, code added at a page's end, an example
 * file, a region, a title or order, a template, an asset, a new, deleted or renamed page, a page that fails and is
 * fixed, nothing, a page saved unchanged, a published file changed by hand), and after each one the site the
 * incremental build published is byte for byte the site a build from nothing (no cache, no manifest, no previous
 * site) makes of the same tree. A failed build leaves the previous site and its manifest as they were. A build
 * after no edit (or after a page was saved unchanged, when no template shows dates) runs no stage; after a change to
 * the published site it does. The builds share warm tools, as the preview server's do.
 */
@Tag("integration")
class IncrementalBuildTest {

    /** The incremental builds' tools: as the preview server's, they keep the last page's session open. */
    private static final WarmTools TOOLS = new WarmTools(1, false).keepingLastPageOpen();
    /**
     * The clean builds' tools: their own scan memo and content store, and a store of their own for every clean build
     * (dropped after it), so that what the incremental builds keep across steps cannot also be in the clean build.
     */
    private static final WarmTools CLEAN = new WarmTools(1, false);
    private static final AtomicInteger SEQUENCES = new AtomicInteger();
    private static final AtomicInteger STEPS = new AtomicInteger();
    /** The incremental build's render summary ("1 pages baked, 4 kept"). */
    private static volatile String lastRender = "";
    /** The incremental build's execute summary ("snippets: 0 pages ran, 2 from cache; …"). */
    private static volatile String lastExecute = "";
    /** Whether the last incremental build found the site up to date and ran no stage. */
    private static volatile boolean lastUpToDate;

    @AfterContainer
    static void closeTools() {
        TOOLS.close();
        CLEAN.close();
        System.out.println("IncrementalBuildTest: " + SEQUENCES.get() + " sequences, " + STEPS.get() + " edits");
    }

    @Property(tries = 3, shrinking = ShrinkingMode.OFF) // 3 sequences of 15-18 edits: 50-120 s on 2 shared cores
    void every_incremental_build_equals_a_clean_build_of_the_same_tree(@ForAll("edits") List<Edit> edits)
            throws Exception {
        Path work = Files.createTempDirectory("llmqa-incremental");
        try {
            EditedSite site = EditedSite.create(work.resolve("project"));
            assertEqualsClean(work, site, "the first build");
            for (Edit edit : edits) {
                if (edit.kind() == Kind.FAIL) {
                    failThenFix(work, site, edit);
                } else {
                    edit.kind().apply(site, edit.n());
                    assertEqualsClean(work, site, edit.toString());
                    if (edit.kind() == Kind.PROSE_ABOVE) {
                        assertThat(lastExecute).as("%s: the page's code, on other lines, ran again", edit)
                                .startsWith("snippets: 0 pages ran");
                    }
                    if (edit.kind() == Kind.MORE_CODE) { // the page just ran: this one runs in its open session
                        edit.kind().apply(site, edit.n() + 1);
                        assertEqualsClean(work, site, edit + " and more");
                    }
                    boolean bodies = dev.llmqa.manifest.TemplateFiles.read(site.root().resolve("templates")).showBodies();
                    edit.kind().baked(bodies).ifPresent(pages -> assertThat(lastRender).as("%s: what was baked", edit)
                            .startsWith(pages + " pages baked"));
                    boolean dates = dev.llmqa.manifest.TemplateFiles.read(site.root().resolve("templates")).showDates();
                    edit.kind().upToDate(dates).ifPresent(expected -> assertThat(lastUpToDate)
                            .as("%s: the build ran no stage", edit).isEqualTo(expected));
                }
                STEPS.incrementAndGet();
            }
            SEQUENCES.incrementAndGet();
        } finally {
            Folders.delete(work);
        }
    }

    /** Every kind of edit once in a random order, then up to three more of any kind, each with a random number. */
    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<List<Kind>> order = Arbitraries.shuffle(Kind.values());
        Arbitrary<List<Kind>> more = Arbitraries.of(Kind.class).list().ofMaxSize(3);
        Arbitrary<List<Integer>> numbers = Arbitraries.integers().between(0, 999).list().ofSize(Kind.values().length + 3);
        return Combinators.combine(order, more, numbers).as((kinds, extra, ns) -> {
            List<Kind> all = new ArrayList<>(kinds);
            all.addAll(extra);
            List<Edit> edits = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                edits.add(new Edit(all.get(i), ns.get(i)));
            }
            return edits;
        });
    }

    record Edit(Kind kind, int n) {
    }

    enum Kind {
        PROSE { void apply(EditedSite site, int n) throws IOException { site.prose(n); }
                Optional<Integer> baked(boolean bodies) { return bodies ? Optional.empty() : Optional.of(1); } },
        PROSE_ABOVE { void apply(EditedSite site, int n) throws IOException { site.proseAbove(n); }
                Optional<Integer> baked(boolean bodies) { return bodies ? Optional.empty() : Optional.of(1); } },
        FORMULA { void apply(EditedSite site, int n) throws IOException { site.formula(n); } },
        CODE { void apply(EditedSite site, int n) throws IOException { site.code(n); }
                Optional<Integer> baked(boolean bodies) { return bodies ? Optional.empty() : Optional.of(1); } },
        MORE_CODE { void apply(EditedSite site, int n) throws IOException { site.moreCode(n); }
                Optional<Integer> baked(boolean bodies) { return bodies ? Optional.empty() : Optional.of(1); } },
        EXAMPLE { void apply(EditedSite site, int n) throws IOException { site.example(n); } },
        REGION { void apply(EditedSite site, int n) throws IOException { site.region(n); } },
        TITLE_OR_ORDER { void apply(EditedSite site, int n) throws IOException { site.titleOrOrder(n); } },
        TEMPLATE { void apply(EditedSite site, int n) throws IOException { site.template(n); } },
        ASSET { void apply(EditedSite site, int n) throws IOException { site.asset(n); }
                Optional<Integer> baked(boolean bodies) { return Optional.of(0); } },
        NEW_PAGE { void apply(EditedSite site, int n) throws IOException { site.newPage(n); } },
        DELETE_PAGE { void apply(EditedSite site, int n) throws IOException { site.deletePage(n); } },
        RENAME_PAGE { void apply(EditedSite site, int n) throws IOException { site.renamePage(n); } },
        NOTHING { void apply(EditedSite site, int n) { site.nothing(n); }
                Optional<Boolean> upToDate(boolean dates) { return Optional.of(true); } },
        TOUCH { void apply(EditedSite site, int n) throws IOException { site.touch(n); }
                Optional<Boolean> upToDate(boolean dates) { return Optional.of(!dates); } },
        SITE_BY_HAND { void apply(EditedSite site, int n) throws IOException { site.damageSite(n); }
                Optional<Boolean> upToDate(boolean dates) { return Optional.of(false); } },
        FAIL { void apply(EditedSite site, int n) throws IOException { site.breakPage(n); } };

        abstract void apply(EditedSite site, int n) throws IOException;

        /** Whether the build after this edit must find the site up to date (or must not), where that is certain. */
        Optional<Boolean> upToDate(boolean templatesShowDates) {
            return Optional.empty();
        }

        /**
         * How many pages the incremental build must bake after this edit, where that is certain; {@code bodies}:
         * a template shows other pages' bodies, so a body is every page's input.
         */
        Optional<Integer> baked(boolean bodies) {
            return Optional.empty();
        }
    }

    private static void failThenFix(Path work, EditedSite site, Edit edit) throws Exception {
        Map<String, String> before = Fixtures.fingerprint(site.root().resolve("site"));
        Map<String, String> manifests = Fixtures.fingerprint(site.root().resolve(".llmqa/cache/manifest"));
        assertThat(manifests).as("the manifest of the last build").hasSize(1);
        edit.kind().apply(site, edit.n());
        assertThat(build(incremental(site))).as("%s: the incremental build fails", edit).contains("broken on purpose");
        assertThat(differences(Fixtures.fingerprint(site.root().resolve("site")), before))
                .as("%s: the files of the site that changed", edit).isEmpty();
        assertThat(Fixtures.fingerprint(site.root().resolve(".llmqa/cache/manifest")))
                .as("%s: the manifest is as it was", edit).isEqualTo(manifests);
        site.fixPage();
        assertEqualsClean(work, site, edit + " fixed");
    }

    private static void assertEqualsClean(Path work, EditedSite site, String step) throws Exception {
        assertThat(build(incremental(site))).as("%s: the incremental build succeeds", step).isEmpty();
        String rendered = lastRender;
        String executed = lastExecute;
        boolean upToDate = lastUpToDate;
        Path clean = work.resolve("clean");
        Folders.delete(clean);
        Folders.delete(work.resolve("clean-cache"));
        String cleanBuild = build(SiteConfig.of(site.root()).withReproducible(true).withCache(false).withOut(clean)
                .withCacheFolder(work.resolve("clean-cache")), CLEAN.kept());
        CLEAN.kept().store().close();
        assertThat(cleanBuild).as("%s: the clean build succeeds", step).isEmpty();
        assertThat(differences(Fixtures.fingerprint(site.root().resolve("site")), Fixtures.fingerprint(clean)))
                .as("%s: the files where incremental differs from clean", step).isEmpty();
        lastRender = rendered;
        lastExecute = executed;
        lastUpToDate = upToDate;
    }

    /** The files only one tree has, or that differ. */
    private static java.util.Set<String> differences(Map<String, String> one, Map<String, String> other) {
        java.util.Set<String> files = new java.util.TreeSet<>(one.keySet());
        files.addAll(other.keySet());
        files.removeIf(file -> java.util.Objects.equals(one.get(file), other.get(file)));
        return files;
    }

    private static SiteConfig incremental(EditedSite site) {
        return SiteConfig.of(site.root()).withReproducible(true);
    }

    /** The build's problems, "" when it succeeded. */
    private static String build(SiteConfig config) throws IOException {
        return build(config, TOOLS.kept());
    }

    private static String build(SiteConfig config, Tools tools) throws IOException {
        lastUpToDate = false;
        Progress render = (stage, summary, took) -> {
            if (stage.equals("render")) {
                lastRender = summary;
            }
            if (stage.equals("execute")) {
                lastExecute = summary;
            }
            lastUpToDate = stage.equals("up to date");
        };
        try {
            Pipeline.standard(true, render, tools).run(config);
            return "";
        } catch (BuildFailed failed) {
            return Problems.report(failed.problems());
        }
    }

}
