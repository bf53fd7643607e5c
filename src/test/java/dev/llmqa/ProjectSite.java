package dev.llmqa;

import dev.llmqa.build.Folders;
import dev.llmqa.build.Pipeline;
import dev.llmqa.build.Progress;
import dev.llmqa.config.SiteConfig;
import dev.llmqa.site.Site;
import java.nio.file.Path;

/**
 * The project's own site (content/, templates/, examples/ of this checkout), built once per test JVM into
 * target/project-site/ for the tests that only read it (they must not change it), with the project's snippet
 * cache and the test JVM's warm tools ({@link WarmTools#shared()}).
 */
public final class ProjectSite {

    private static final Path OUT = Path.of("target/project-site").toAbsolutePath();
    private static Site built;

    private ProjectSite() {
    }

    /** The built site's model (its pages); the files are in {@link #folder()}. */
    public static synchronized Site site() throws Exception {
        if (built == null) {
            Folders.delete(OUT);
            built = Pipeline.standard(true, Progress.SILENT, WarmTools.shared().kept()).run(SiteConfig.of(Path.of("")).withOut(OUT));
        }
        return built;
    }

    /** The built site's folder. */
    public static Path folder() throws Exception {
        site();
        return OUT;
    }
}
