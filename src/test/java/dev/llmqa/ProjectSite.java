package dev.llmqa;

import dev.llmqa.build.Folders;
import dev.llmqa.build.Pipeline;
import dev.llmqa.build.Progress;
import dev.llmqa.config.SiteConfig;
import dev.llmqa.site.Site;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;

/**
 * The project's own site (content/, templates/, examples/ of this checkout), built once per test run into
 * target/project-site/ for the tests that only read it (they must not change it). The build is the command line's:
 * its own tools, the project's snippet cache. (With the shared warm tools, a fresh clone's first build of the project
 * timed out loading examples twice in a row on a loaded machine; not yet understood.)
 *
 * <p>The integration tier's test JVMs share it: the first to need it builds it from nothing (an earlier run's copy
 * is deleted first) while holding a file lock, and marks it with the run ({@code llmqa.test.run}, which Maven sets
 * to the build's start, the same in every fork); the others wait on the lock and read that copy. Without the
 * property (a test run from an IDE) each JVM builds its own. Each JVM built its own copy before, about 13 s of CPU
 * apiece, into one folder: a JVM starting its build deleted the pages another was showing chromium.
 *
 * <p>{@link #locked} also covers the other runs that write the project's cache: the cold run of its snippets
 * ({@link ProjectSnippets}, made before the build when the cache is empty, so that its results are the build's)
 * and builds of a copy of the project that use its cache (ProjectSiteTest's), which the build lock, being the copy's,
 * does not cover: side by side with the first build, each ran every snippet (40 s of CPU apiece).
 */
public final class ProjectSite {

    private static final Path OUT = Path.of("target/project-site").toAbsolutePath();
    /** Which run built {@link #OUT}: written once the build has succeeded. */
    private static final Path BUILT_BY = Path.of("target/project-site.run").toAbsolutePath();
    private static final Path LOCK = Path.of("target/project-site.lock").toAbsolutePath();
    private static final String RUN = System.getProperty("llmqa.test.run",
            "jvm " + ProcessHandle.current().pid() + " " + ProcessHandle.current().info().startInstant().orElseThrow());
    private static Site built;

    private ProjectSite() {
    }

    /** The built site's pages, as the scan saw them; the files are in {@link #folder()}. */
    public static synchronized Site site() throws Exception {
        if (built == null) {
            built = locked(() -> {
                SiteConfig config = SiteConfig.of(Path.of("")).withOut(OUT);
                if (!Files.isRegularFile(BUILT_BY) || !Files.readString(BUILT_BY).equals(RUN)) {
                    Files.deleteIfExists(BUILT_BY);
                    if (ProjectSnippets.wouldRunEverySnippet()) {
                        ProjectSnippets.runOnce();
                    }
                    Folders.delete(OUT);
                    Pipeline.standard(true, Progress.SILENT).run(config);
                    Files.writeString(BUILT_BY, RUN);
                }
                return Pipeline.scan(config, Progress.SILENT);
            });
        }
        return built;
    }

    /** The test run: the same in every test JVM of one {@code mvn verify}. */
    static String testRun() {
        return RUN;
    }

    /** The built site's folder. */
    public static Path folder() throws Exception {
        site();
        return OUT;
    }

    /**
     * Runs {@code work} while no other test JVM builds the project with its cache (a file lock: the OS releases it
     * when a JVM dies).
     */
    public static synchronized <T> T locked(Callable<T> work) throws Exception {
        Files.createDirectories(LOCK.getParent());
        try (FileChannel channel = FileChannel.open(LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            return work.call();
        }
    }
}
