package dev.llmqa.bake;

import dev.llmqa.config.Publishing;
import dev.llmqa.config.SiteConfig;
import dev.llmqa.content.Templates;
import dev.llmqa.manifest.ManifestFile;
import dev.llmqa.problem.Problems;
import dev.llmqa.site.BakePlan;
import dev.llmqa.site.Baked;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import dev.llmqa.site.Site;
import dev.llmqa.site.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jbake.app.Asset;
import org.jbake.app.ContentStore;
import org.jbake.app.Crawler;
import org.jbake.app.Oven;
import org.jbake.app.Renderer;
import org.jbake.app.Utensils;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;
import org.jbake.parser.Engines;

/**
 * The render stage: JBake bakes content/ with templates/ into a new staging folder beside the output folder, only
 * the pages {@link PlanBake} found changed; the others are copied from the previous site. When nothing changed
 * JBake (and its database) does not run at all. JBake keeps global state (its engine registry, document types), so
 * one bake runs at a time per JVM.
 */
public final class Render implements Stage {

    private static final Object JBAKE = new Object();
    /**
     * How many times OrientDB was shut down in this JVM (under {@link #JBAKE}): at the end of each bake but those with
     * a kept store. A store started before is dead.
     */
    private static int bakes;

    private CompletableFuture<Optional<EarlyStore.Started>> early;
    /** The store kept across the bakes of a serve session, or null: each bake has its own. */
    private final KeptStore kept;

    /** A render stage whose bakes each start and shut down their own store. */
    public Render() {
        this(null);
    }

    /** A render stage that bakes with the store {@code kept} keeps up across builds ({@code serve}). */
    public Render(KeptStore kept) {
        this.kept = kept;
    }

    /** Starts a kept store now, between bakes, so that the next bake finds it up. */
    public static void start(KeptStore store) {
        synchronized (JBAKE) {
            store.take(bakes);
        }
    }

    /** Drops and closes a kept store, between bakes. */
    static void discard(KeptStore store) {
        synchronized (JBAKE) {
            store.discard();
        }
    }

    /**
     * Starts JBake's database now, beside the stages before this one, unless the build will likely keep every page;
     * closes it if the build ends before the bake (or does not bake).
     */
    @Override
    public synchronized AutoCloseable prepare(SiteConfig config) {
        if (kept != null || !ManifestFile.likelyToRender(config)) {
            return () -> { };
        }
        CompletableFuture<Optional<EarlyStore.Started>> started = EarlyStore.begin(JBAKE, () -> bakes);
        early = started;
        return () -> {
            synchronized (this) {
                if (early == started) {
                    early = null;
                    started.join().ifPresent(s -> EarlyStore.discard(JBAKE, s));
                }
            }
        };
    }

    @Override
    public Done run(Site site, Problems problems) throws IOException {
        SiteConfig config = site.config();
        Path out = config.out();
        Files.createDirectories(out.getParent());
        Path staging = Files.createTempDirectory(out.getParent(), "." + out.getFileName() + ".staging-");
        if (Files.getFileStore(staging).supportsFileAttributeView("posix")) {
            // a temporary folder is private (rwx------); a published site is world-readable like any other output
            Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Site baked = site.withStaging(staging);
        BakePlan plan = site.plan();
        DefaultJBakeConfiguration jbake = configuration(config, staging, plan.bakeListings());
        if (!plan.nothingToBake()) {
            bake(baked, jbake, problems);
        }
        Map<String, String> listings = new HashMap<>();
        if (plan.bakeListings()) {
            KeptFiles.rendered(staging).stream().filter(file -> !plan.keys().containsKey(file))
                    .forEach(file -> listings.put(file, plan.listingsKey()));
        }
        Asset asset = new Asset(jbake); // after the bake, as JBake's own oven copies them
        asset.copy();
        asset.copyAssetsFromContent(config.content().toFile());
        asset.getErrors().stream().flatMap(e -> JBakeErrors.toProblems(e).stream()).distinct().forEach(problems::add);
        KeptFiles.copy(plan, staging);
        plan.kept().keySet().stream().filter(file -> !plan.keys().containsKey(file))
                .forEach(file -> listings.put(file, plan.listingsKey()));
        Map<String, String> pages = new HashMap<>(plan.keys());
        pages.keySet().removeIf(uri -> !Files.isRegularFile(staging.resolve(uri)));
        List<String> assets = site.renderers().writeAssets(staging);
        int rendered = plan.pagesToBake().size();
        String summary = rendered + " pages baked" + (plan.kept().isEmpty() ? "" : ", " + (plan.keys().size() - rendered)
                + " kept") + assets.stream().map(a -> ", " + a).collect(Collectors.joining());
        return new Done(baked.withBaked(new Baked(pages, listings, plan.listingsKey())), summary);
    }

    /** JBake bakes the pages whose key changed (and the listings, when theirs did) into the staging folder. */
    private void bake(Site site, DefaultJBakeConfiguration jbake, Problems problems) {
        Optional<EarlyStore.Started> early = takeEarlyStore(); // joined outside the lock its start holds
        synchronized (JBAKE) {
            Engines.register("md", new PageEngine(site, problems));
            StartedOnce store;
            try {
                store = kept != null ? kept.take(bakes)
                        : early.filter(s -> s.afterBakes() == bakes).<StartedOnce>map(EarlyStore.Started::store)
                        .orElseGet(() -> new StartedOnce(EarlyStore.NAME));
                store.renderOnly(site.plan().pagesToBake());
            } catch (RuntimeException e) {
                problems.add(SiteConfig.CONTENT, 0, "JBake's content store did not start: " + rootMessage(e),
                        "Run again with -v to see JBake's log.");
                return;
            }
            try {
                Oven oven = new Oven(utensils(jbake, store));
                try {
                    oven.bake();
                } catch (RuntimeException e) {
                    problems.add(SiteConfig.CONTENT, 0, "JBake failed: " + rootMessage(e),
                            "Run again with -v to see JBake's log.");
                }
                oven.getErrors().stream().flatMap(e -> JBakeErrors.toProblems(e).stream()).distinct().forEach(problems::add);
            } finally {
                if (kept == null) {
                    bakes++; // the Oven shut OrientDB down
                }
            }
        }
    }

    /** The store {@link #prepare} started, when it did (waiting for it to be up); this bake owns it now. */
    private synchronized Optional<EarlyStore.Started> takeEarlyStore() {
        if (early == null) {
            return Optional.empty();
        }
        Optional<EarlyStore.Started> started = early.join();
        early = null;
        return started;
    }

    /**
     * What JBake's UtensilsFactory makes, around a store (started or not, that hands the page renderer only the
     * chosen pages: {@link StartedOnce#renderOnly}), with the assets copied after the bake.
     */
    private static Utensils utensils(DefaultJBakeConfiguration jbake, ContentStore store) {
        Utensils utensils = new Utensils();
        utensils.setConfiguration(jbake);
        utensils.setContentStore(store);
        utensils.setCrawler(new Crawler(store, jbake));
        utensils.setRenderer(new Renderer(store, jbake));
        utensils.setAsset(new LaterAssets(jbake));
        return utensils;
    }

    /** @param listings whether JBake renders the tag pages and the sitemap (else the previous ones are kept) */
    private static DefaultJBakeConfiguration configuration(SiteConfig config, Path staging, boolean listings)
            throws IOException {
        DefaultJBakeConfiguration jbake = new JBakeConfigurationFactory()
                .createDefaultJbakeConfiguration(config.root().toFile(), staging.toFile(), true);
        jbake.setContentFolder(config.content().toFile());
        jbake.setTemplateFolder(config.templates().toFile());
        jbake.setAssetFolder(config.assets().toFile());
        jbake.setDataFolder(config.root().resolve(".llmqa/no-data").toFile());
        jbake.setProperty("render.index", false);
        jbake.setProperty("render.feed", false);
        jbake.setProperty("render.archive", false);
        boolean tags = Files.isRegularFile(config.templates().resolve(Templates.TAG + ".ftl"));
        jbake.setProperty("render.tags", listings && tags);
        jbake.setProperty("template.tag.file", Templates.TAG + ".ftl");
        jbake.setProperty("render.tagsindex", tags && Files.isRegularFile(config.templates().resolve(Templates.TAG_INDEX + ".ftl")));
        jbake.setProperty("template.tagsindex.file", Templates.TAG_INDEX + ".ftl");
        jbake.setProperty("tag.sanitize", true);
        jbake.setProperty("render.error404", false);
        jbake.setProperty("db.store", EarlyStore.TYPE);
        jbake.setProperty("db.path", EarlyStore.NAME);
        jbake.setDefaultStatus("");
        jbake.setDefaultType("");
        jbake.setImgPathUPdate(false);
        Publishing publishing = config.settings().publishing();
        jbake.setProperty("site.host", publishing.host());
        jbake.setProperty("site.edit", publishing.edit());
        jbake.setProperty("render.sitemap", listings && !publishing.host().isEmpty()
                && Files.isRegularFile(config.templates().resolve(Templates.SITEMAP + ".ftl")));
        jbake.setProperty("template.sitemap.file", Templates.SITEMAP + ".ftl");
        for (String type : Templates.types(config.templates())) {
            jbake.setTemplateFileNameForDocType(type, type + ".ftl");
        }
        return jbake;
    }

    static String rootMessage(Throwable error) {
        StringBuilder text = new StringBuilder(String.valueOf(error.getMessage()));
        Throwable cause = error.getCause();
        while (cause != null && cause != error) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append(": ").append(cause.getMessage());
            }
            error = cause;
            cause = cause.getCause();
        }
        return text.toString().replaceAll("\\s+", " ").strip();
    }
}
