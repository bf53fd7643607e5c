package dev.llmqa.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmqa.config.SiteConfig;
import dev.llmqa.problem.BuildFailed;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whose lock it is: a waiting build names the holder's pid, even when it looks in before the holder wrote it. */
class BuildLockTest {

    @TempDir
    Path root;

    private final RecordingProgress progress = new RecordingProgress();

    @Test
    void a_build_that_looks_in_before_the_holder_wrote_its_pid_waits_for_the_pid_and_names_it() throws Exception {
        Path file = root.resolve(BuildLock.FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "999999999\n"); // left by a build that ended long ago: not the holder
        try (FileChannel holder = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
             var held = holder.lock(1L << 20, 1, false)) {
            Thread writer = new Thread(() -> {
                try {
                    Thread.sleep(300);
                    holder.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            writer.start();
            assertThatThrownBy(() -> BuildLock.take(SiteConfig.of(root), progress, Duration.ofSeconds(1)))
                    .isInstanceOf(BuildFailed.class)
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
            writer.join();
        }
        assertThat(progress.waited).containsExactly("waiting for another build of this project (pid " + ProcessHandle.current().pid() + ") to finish…");
    }

    @Test
    void a_holder_that_never_writes_its_pid_is_named_unknown_after_a_grace() throws Exception {
        Path file = root.resolve(BuildLock.FILE);
        Files.createDirectories(file.getParent());
        try (FileChannel holder = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
             var held = holder.lock(1L << 20, 1, false)) {
            Instant start = Instant.now();
            assertThatThrownBy(() -> BuildLock.take(SiteConfig.of(root), progress, Duration.ofMillis(100)))
                    .isInstanceOf(BuildFailed.class)
                    .hasMessageContaining("pid unknown");
            assertThat(Duration.between(start, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        }
        assertThat(progress.waited).containsExactly("waiting for another build of this project (pid unknown) to finish…");
    }

    @Test
    void a_released_lock_leaves_no_pid_behind_and_the_next_build_takes_it() throws Exception {
        try (BuildLock first = BuildLock.take(SiteConfig.of(root), progress, Duration.ofSeconds(1))) {
            assertThat(Files.readString(root.resolve(BuildLock.FILE)).strip()).isEqualTo(Long.toString(ProcessHandle.current().pid()));
        }
        assertThat(Files.size(root.resolve(BuildLock.FILE))).isZero();
        try (BuildLock second = BuildLock.take(SiteConfig.of(root), progress, Duration.ofSeconds(1))) {
            assertThat(progress.waited).isEmpty();
        }
    }
}
