package dev.llmqa.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqa.Fixtures;
import dev.llmqa.WarmTools;
import dev.llmqa.config.SiteConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk, for real: a small tmpfs of the test's own (so it needs root, as CI's Linux runner has; without it the
 * test fails, it does not skip), filled to the last block. Writing the site then fails cleanly, naming the cause,
 * with the previous site intact; a cache that cannot be written is a warning and the site is still right.
 */
@Tag("integration")
class FullDiskTest {

    /** The builds share snippet JVMs and the JavaScript engine: the pipeline is the real one, only tool start-up is shared. */
    @RegisterExtension
    static final WarmTools TOOLS = WarmTools.shared();

    private static final String MATH_PAGE = "title=Math\ntype=page\nstatus=published\n~~~~~~\nInline $a_i + b$ here.\n";

    @TempDir
    Path work;

    private Path disk;

    @BeforeEach
    void mountASmallDisk() throws Exception {
        disk = Files.createDirectories(work.resolve("disk"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", disk.toString())
                .redirectErrorStream(true).start();
        String said = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(mount.waitFor()).as("this test mounts a tmpfs, which needs root (CI runs it as root on Linux): " + said)
                .isZero();
    }

    @AfterEach
    void unmount() throws Exception {
        Process umount = new ProcessBuilder("umount", disk.toString()).redirectErrorStream(true).start();
        if (umount.waitFor() != 0) {
            new ProcessBuilder("umount", "-l", disk.toString()).start().waitFor();
        }
    }

    /** Writes to {@code filler} until the disk is full, then frees {@code room} bytes. */
    private static void fill(Path filler, int room) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(chunk);
            }
        } catch (IOException full) {
            assertThat(full.getMessage()).contains("No space left on device");
        }
        try (var channel = java.nio.channels.FileChannel.open(filler, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(Math.max(0, channel.size() - room));
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void a_full_disk_while_writing_the_site_fails_naming_it_and_keeps_the_previous_site() throws Exception {
        Path root = Fixtures.copy("basic", disk.resolve("project"));
        Fixtures.write(root.resolve("content/about.md"), MATH_PAGE);
        Pipeline.standard(true, Progress.SILENT, TOOLS.kept()).run(SiteConfig.of(root).withReproducible(true));
        Map<String, String> before = Fixtures.fingerprint(root.resolve("site"));
        Fixtures.write(root.resolve("content/about.md"), MATH_PAGE.replace("$a_i + b$", "$c^2$"));
        fill(disk.resolve("filler"), 128 * 1024);

        WarmTools.Run build = TOOLS.cli("build", "--root", root.toString());
        assertThat(build.code()).as(build.err()).isEqualTo(1);
        assertThat(build.err()).contains("No space left on device").contains("site/ was left as it was.");
        assertThat(Fixtures.fingerprint(root.resolve("site"))).isEqualTo(before);
        assertThat(ChildBuild.leftovers(root)).isEmpty();

        Files.delete(disk.resolve("filler"));
        WarmTools.Run again = TOOLS.cli("build", "--root", root.toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(Files.readString(root.resolve("site/about.html"))).contains("<mi>c</mi>");
        assertThat(ChildBuild.leftovers(root)).isEmpty();
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void a_cache_on_a_full_disk_is_a_warning_and_the_site_is_still_right() throws Exception {
        Path root = Fixtures.copy("basic", work.resolve("project"));
        Fixtures.write(root.resolve("content/about.md"), MATH_PAGE);
        SiteConfig config = SiteConfig.of(root).withReproducible(true);
        Pipeline.standard(true, Progress.SILENT, TOOLS.kept()).run(config.withOut(work.resolve("clean")).withCacheFolder(work.resolve("cache")));

        Files.createDirectories(disk.resolve("cache"));
        fill(disk.resolve("filler"), 0);
        RecordingProgress progress = new RecordingProgress();
        Pipeline.standard(true, progress, TOOLS.kept()).run(config.withCacheFolder(disk.resolve("cache")));
        assertThat(progress.warnings).isNotEmpty().allSatisfy(w -> assertThat(w.message())
                .isEqualTo("cannot store cache entries (No space left on device): what this build computed is computed"
                        + " again next build"));
        assertThat(Fixtures.fingerprint(root.resolve("site"))).isEqualTo(Fixtures.fingerprint(work.resolve("clean")));
    }
}
