package dev.llmqa.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmqa.Fixtures;
import dev.llmqa.WarmTools;
import dev.llmqa.config.SiteConfig;
import dev.llmqa.problem.BuildFailed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class PublishTest {

    @RegisterExtension
    static final WarmTools TOOLS = WarmTools.shared();

    @TempDir
    Path root;

    private static String[] leftovers(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(".site.")).toArray(String[]::new);
        }
    }

    @Test
    void a_good_build_replaces_the_site_and_leaves_no_temporary_folders() throws Exception {
        Fixtures.copy("basic", root);
        Fixtures.write(root.resolve("site/stale.html"), "from an earlier build");
        Pipeline.standard(true, Progress.SILENT, TOOLS.kept()).run(SiteConfig.of(root));
        assertThat(root.resolve("site/stale.html")).doesNotExist();
        assertThat(root.resolve("site/questions/01-first.html")).isNotEmptyFile();
        assertThat(leftovers(root)).isEmpty();
    }

    @Test
    void a_failed_build_leaves_the_previous_site_byte_for_byte() throws Exception {
        Fixtures.copy("basic", root);
        Pipeline.standard(true, Progress.SILENT, TOOLS.kept()).run(SiteConfig.of(root));
        Map<String, String> before = Fixtures.fingerprint(root.resolve("site"));

        Fixtures.write(root.resolve("content/questions/01-first.md"), "title=Broken\ntype=question\nstatus=oops\n~~~~~~\n");
        assertThatThrownBy(() -> Pipeline.standard(true, Progress.SILENT, TOOLS.kept()).run(SiteConfig.of(root)))
                .isInstanceOf(BuildFailed.class);

        assertThat(Fixtures.fingerprint(root.resolve("site"))).isEqualTo(before);
        assertThat(leftovers(root)).isEmpty();
    }

    @Test
    void a_failure_while_rendering_also_leaves_the_site_and_no_staging_folder() throws Exception {
        Fixtures.copy("basic", root);
        Pipeline.standard(true, Progress.SILENT, TOOLS.kept()).run(SiteConfig.of(root));
        Map<String, String> before = Fixtures.fingerprint(root.resolve("site"));

        Fixtures.write(root.resolve("templates/page.ftl"), "<#import \"_frame.ftl\" as f><@f.page>${content.nope}</@f.page>");
        assertThatThrownBy(() -> Pipeline.standard(true, Progress.SILENT, TOOLS.kept()).run(SiteConfig.of(root)))
                .isInstanceOf(BuildFailed.class);

        assertThat(Fixtures.fingerprint(root.resolve("site"))).isEqualTo(before);
        assertThat(leftovers(root)).isEmpty();
    }

    @Test
    void the_check_pipeline_never_writes_the_site() throws Exception {
        Fixtures.copy("basic", root);
        Pipeline.standard(false, Progress.SILENT, TOOLS.kept()).run(SiteConfig.of(root));
        assertThat(root.resolve("site")).doesNotExist();
        assertThat(leftovers(root)).isEmpty();
    }

    @Test
    void published_files_are_readable_by_everyone() throws Exception {
        Fixtures.copy("basic", root);
        Pipeline.standard(true, Progress.SILENT, TOOLS.kept()).run(SiteConfig.of(root));
        assertThat(Files.getPosixFilePermissions(root.resolve("site")))
                .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ,
                        java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE);
    }
}
