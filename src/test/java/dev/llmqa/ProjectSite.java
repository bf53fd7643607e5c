package dev.llmqa;

import dev.llmqa.build.Folders;
import dev.llmqa.build.Pipeline;
import dev.llmqa.build.Progress;
import dev.llmqa.config.SiteConfig;
import dev.llmqa.site.Site;
import java.nio.file.Path;

/**
 * The project's own site (content/, templates/, examples/ of this checkout), built once per test JVM into
 * target/project-site&lt;fork&gt;/ for the tests that only read it (they must not change it). The build is the command
 * line's: its own tools, the project's snippet cache. (With the shared warm tools, a fresh clone's first build of
 * the project timed out loading examples twice in a row on a loaded machine; not yet understood.)
 */
public final class ProjectSite {

    /** One per test JVM: the integration tier runs three side by side (Failsafe's fork number). */
    private static final Path OUT = Path.of("target/project-site" + System.getProperty("llmqa.test.fork", "")).toAbsolutePath();
    private static Site built;

    private ProjectSite() {
    }

    /** The built site's pages, as the scan saw them; the files are in {@link #folder()}. */
    public static synchronized Site site() throws Exception {
        if (built == null) {
            Folders.delete(OUT);
            SiteConfig config = SiteConfig.of(Path.of("")).withOut(OUT);
            Pipeline.standard(true, Progress.SILENT).run(config);
            built = Pipeline.scan(config, Progress.SILENT);
        }
        return built;
    }

    /** The built site's folder. */
    public static Path folder() throws Exception {
        site();
        return OUT;
    }
}
