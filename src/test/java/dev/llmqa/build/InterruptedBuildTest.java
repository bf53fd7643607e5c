package dev.llmqa.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmqa.Fixtures;
import dev.llmqa.WarmTools;
import dev.llmqa.config.SiteConfig;
import dev.llmqa.problem.BuildFailed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A build killed (SIGKILL) in each stage, then built again: site/ is the previous site or the new one, never a mix;
 * no worker JVM outlives the build; the next build succeeds and leaves no staging folder, moved-aside site or
 * half-written file. Two builds started at once both end with the right site, the second after waiting.
 *
 * <p>The builds that are killed, and the two at once, are the real command line in child JVMs. The old site is
 * built once and each case starts from a copy of it (sources, site/ and cache); the builds after a kill run in
 * this JVM with warm tools: the same pipeline, on what the killed build left.
 */
@Tag("integration")
class InterruptedBuildTest {

    @RegisterExtension
    static final WarmTools TOOLS = WarmTools.shared();

    private static final String MATH_PAGE = "title=Math\ntype=page\nstatus=published\n~~~~~~\n"
            + "Inline $a_i + b$ and `= 6 * 7` here.\n";

    @TempDir
    static Path work;

    private static Map<String, String> oldSite;
    private static Map<String, String> newSite;
    /** The project with the old site built (A): each case starts from a copy of it. */
    private static Path built;

    /** The site before (A) and after (B) a change of prose, math and a snippet, each built cleanly. */
    @BeforeAll
    static void buildBothSitesOnce() throws Exception {
        built = work.resolve("old");
        Fixtures.copy("basic", built);
        Fixtures.write(built.resolve("content/about.md"), MATH_PAGE);
        // as the command line builds it, with tools of its own: its cache then holds the worker JVMs' class-data
        // archive, as a project's does after its first build, and so does each copy (without it, each child build
        // made one: a JVM of about 3 s of CPU, and a finished build waited for it)
        Pipeline.standard(true, Progress.SILENT).run(SiteConfig.of(built).withReproducible(true));
        assertThat(built.resolve(".llmqa/cache/" + Tools.ARCHIVES)).isDirectoryContaining("glob:**.jsa");
        oldSite = Fixtures.fingerprint(built.resolve("site"));
        Path changed = work.resolve("new");
        Fixtures.copy("basic", changed);
        Fixtures.write(changed.resolve("content/about.md"), MATH_PAGE);
        change(changed);
        build(changed);
        newSite = Fixtures.fingerprint(changed.resolve("site"));
        assertThat(newSite).isNotEqualTo(oldSite);
    }

    private static void build(Path root) throws Exception {
        Pipeline.standard(true, Progress.SILENT, TOOLS.kept()).run(SiteConfig.of(root).withReproducible(true));
    }

    /** A copy of the project with the old site built, at {@code root}. */
    private static Path copyOfOld(Path root) {
        return Fixtures.copyTree(built, root);
    }

    /** New prose and math, and a snippet and an inline value to run again (so the kill can meet worker JVMs). */
    private static void change(Path root) throws Exception {
        Fixtures.write(root.resolve("content/about.md"), MATH_PAGE.replace("$a_i + b$", "$c^2$").replace("6 * 7", "6 * 8"));
        Path first = root.resolve("content/questions/01-first.md");
        Files.writeString(first, Files.readString(first).replace("int x = 1 + 1;", "int x = 2 + 2;"));
    }

    /** The progress lines printed before the kill: the head line, then one per finished stage (11 stages). */
    static Stream<Arguments> killPoints() {
        return Stream.of(
                Arguments.of("during scan", 1),
                Arguments.of("during execute (snippet workers running)", 3),
                Arguments.of("during render", 4),
                Arguments.of("during read pages", 7),
                Arguments.of("during the link check or publish", 11),
                Arguments.of("during publish, or after it", 12));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("killPoints")
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void a_build_killed_leaves_the_old_site_or_the_new_and_the_next_build_succeeds(String when, int lines) throws Exception {
        Path root = copyOfOld(work.resolve("kill-" + lines));
        change(root);
        ChildBuild build = ChildBuild.start(root);
        List<String> printed = build.awaitLines(lines);
        assertThat(printed).as(build::stderr).hasSize(lines);
        killedAndBuiltAgain(root, build);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void a_build_killed_at_random_moments_leaves_the_old_site_or_the_new() throws Exception {
        Path root = copyOfOld(work.resolve("kill-random"));
        change(root);
        Random random = new Random();
        long seed = random.nextLong();
        random.setSeed(seed);
        for (int round = 0; round < 3; round++) {
            ChildBuild build = ChildBuild.start(root);
            build.awaitLines(1);
            // killed at a random moment of the next 8 s, or when it ends, if that is sooner (a kill then is a no-op)
            build.ended(random.nextInt(8000));
            List<ProcessHandle> tree = build.kill();
            assertThat(ChildBuild.workersLeft(tree)).as("seed " + seed).isEmpty();
            assertOldOrNew(root, "seed " + seed);
        }
        killedAndBuiltAgainAfter(root);
    }

    private void killedAndBuiltAgain(Path root, ChildBuild build) throws Exception {
        List<ProcessHandle> tree = build.kill();
        assertThat(ChildBuild.workersLeft(tree)).as("worker JVMs left by the killed build").isEmpty();
        assertOldOrNew(root, build.stdout());
        killedAndBuiltAgainAfter(root);
    }

    private void killedAndBuiltAgainAfter(Path root) throws Exception {
        build(root);
        assertThat(Fixtures.fingerprint(root.resolve("site"))).isEqualTo(newSite);
        assertThat(ChildBuild.leftovers(root)).isEmpty();
    }

    /**
     * site/ is A or B exactly. The one moment it is neither is between publish's two renames (previous site moved
     * aside, new one not yet in): then it is missing, the previous site is whole beside it, and the next build puts it back.
     */
    private static void assertOldOrNew(Path root, String context) throws Exception {
        Map<String, String> site = Fixtures.fingerprint(root.resolve("site"));
        if (site.isEmpty()) {
            List<String> aside = ChildBuild.leftovers(root).stream().filter(n -> n.startsWith(".site.old-")).toList();
            assertThat(aside).as(context).hasSize(1);
            assertThat(Fixtures.fingerprint(root.resolve(aside.get(0)))).as(context).isEqualTo(oldSite);
            return;
        }
        assertThat(site).as(context).satisfiesAnyOf(s -> assertThat(s).isEqualTo(oldSite), s -> assertThat(s).isEqualTo(newSite));
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void a_publish_stopped_between_its_renames_is_undone_by_the_next_build_even_a_failing_one() throws Exception {
        Path root = copyOfOld(work.resolve("between-renames"));
        Files.move(root.resolve("site"), root.resolve(".site.old-123"));
        Files.createDirectories(root.resolve(".site.staging-456/questions"));
        Fixtures.write(root.resolve(".site.staging-456/questions/01-first.html"), "half a page");
        Fixtures.write(root.resolve("diagrams/.entry789.tmp"), "half an svg");
        Fixtures.write(root.resolve("content/questions/01-first.md"), "title=Broken\ntype=question\nstatus=oops\n~~~~~~\n");
        assertThatThrownBy(() -> build(root))
                .isInstanceOf(BuildFailed.class);
        assertThat(Fixtures.fingerprint(root.resolve("site"))).isEqualTo(oldSite);
        assertThat(ChildBuild.leftovers(root)).isEmpty();
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void two_builds_started_at_once_both_succeed_the_second_after_waiting() throws Exception {
        Path root = copyOfOld(work.resolve("two-at-once"));
        change(root);
        ChildBuild one = ChildBuild.start(root);
        ChildBuild two = ChildBuild.start(root);
        assertThat(one.exit(4)).as(one::stderr).isZero();
        assertThat(two.exit(4)).as(two::stderr).isZero();
        assertThat(one.stderr() + two.stderr()).containsPattern("waiting for another build of this project \\(pid \\d+\\) to finish…");
        assertThat(Fixtures.fingerprint(root.resolve("site"))).isEqualTo(newSite);
        assertThat(ChildBuild.leftovers(root)).isEmpty();
    }
}
