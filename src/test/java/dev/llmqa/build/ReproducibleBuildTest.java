package dev.llmqa.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqa.Fixtures;
import dev.llmqa.WarmTools;
import dev.llmqa.config.SiteConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two builds of the same sources give a byte-identical site: from nothing (no cache) in reproducible mode
 * (SOURCE_DATE_EPOCH), and in the default mode when the second build reuses the first one's cache. The builds
 * share warm tools, as the preview server's do: nothing a tool keeps from one build may change the next one's output.
 */
@Tag("integration")
class ReproducibleBuildTest {

    @RegisterExtension
    static final WarmTools TOOLS = WarmTools.shared();

    @TempDir
    Path work;

    @Test
    void two_cold_builds_of_the_same_sources_are_byte_identical() throws Exception {
        Path root = Fixtures.copy("blocks", work.resolve("project"));
        Fixtures.write(root.resolve("content/about.md"), "title=About\ntype=page\nstatus=published\n~~~~~~\n"
                + "Math $a_i$, a [link](index.html) and\n\n```mermaid\nflowchart LR\n  A --> B\n```\n");
        SiteConfig config = SiteConfig.of(root).withReproducible(true).withCache(false);
        Pipeline.standard(true, Progress.SILENT, TOOLS.kept()).run(config.withOut(work.resolve("one")).withCacheFolder(work.resolve("c1")));
        Pipeline.standard(true, Progress.SILENT, TOOLS.kept()).run(config.withOut(work.resolve("two")).withCacheFolder(work.resolve("c2")));
        assertThat(Fixtures.fingerprint(work.resolve("two"))).isEqualTo(Fixtures.fingerprint(work.resolve("one")));
        assertThat(Files.readString(work.resolve("one/questions/01-kinds.html"))).contains("ran at build time");
    }

    @Test
    void a_rebuild_with_the_cache_is_byte_identical_in_the_default_mode() throws Exception {
        Path root = Fixtures.copy("blocks", work.resolve("project"));
        SiteConfig config = SiteConfig.of(root).withReproducible(false).withCacheFolder(work.resolve("cache"));
        Pipeline.standard(true, Progress.SILENT, TOOLS.kept()).run(config.withOut(work.resolve("one")));
        Pipeline.standard(true, Progress.SILENT, TOOLS.kept()).run(config.withOut(work.resolve("two")));
        assertThat(Fixtures.fingerprint(work.resolve("two"))).isEqualTo(Fixtures.fingerprint(work.resolve("one")));
        assertThat(Files.readString(work.resolve("one/questions/01-kinds.html"))).containsPattern("ran in (\\d+|&lt;1) ms");
    }
}
