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
 * The project's own site (content/, templates/, examples/ of this checkout), built once per test JVM into
 * target/project-site&lt;fork&gt;/ for the tests that only read it (they must not change it). The build is the command
 * line's: its own tools, the project's snippet cache. (With the shared warm tools, a fresh clone's first build of
 * the project timed out loading examples twice in a row on a loaded machine; not yet understood.)
 *
 * <p>In a fresh clone the first test JVM to build it runs every snippet, and the others find them in the project's
 * cache: the project's build lock makes them wait for it. {@link #locked} does the same for builds of a copy of
 * the project that use its cache (ProjectSiteTest's), which the build lock, being the copy's, does not cover: side
 * by side with the first build, each ran every snippet (40 s of CPU apiece).
 */
public final class ProjectSite {

    /** One per test JVM: the integration tier runs three side by side (Failsafe's fork number). */
    private static final Path OUT = Path.of("target/project-site" + System.getProperty("llmqa.test.fork", "")).toAbsolutePath();
    private static final Path LOCK = Path.of("target/project-site.lock").toAbsolutePath();
    private static Site built;

    private ProjectSite() {
    }

    /** The built site's pages, as the scan saw them; the files are in {@link #folder()}. */
    public static synchronized Site site() throws Exception {
        if (built == null) {
            built = locked(() -> {
                Folders.delete(OUT);
                SiteConfig config = SiteConfig.of(Path.of("")).withOut(OUT);
                Pipeline.standard(true, Progress.SILENT).run(config);
                return Pipeline.scan(config, Progress.SILENT);
            });
        }
        return built;
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
