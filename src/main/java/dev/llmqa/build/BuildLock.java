package dev.llmqa.build;

import dev.llmqa.config.SiteConfig;
import dev.llmqa.problem.BuildFailed;
import dev.llmqa.problem.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

/**
 * One build of a project at a time: {@code .llmqa/build.lock}, locked by the operating system for as long as the
 * build's process holds it, so a killed build never leaves it held. A second build waits, saying for whom, and gives
 * up after a while. While it is held, whatever a build left beside the site or in the stores is a leftover of a build
 * that was stopped, and the next build may clean it ({@link Leftovers}).
 */
final class BuildLock implements AutoCloseable {

    static final String FILE = ".llmqa/build.lock";
    /** Locked past the pid the file holds, so a waiting build can read whose lock it is on every platform. */
    private static final long REGION = 1L << 20;
    /** Wider than any pid (a long), so every holder's write covers the one before it. */
    private static final int PID_WIDTH = 20;
    /** How long a waiting build gives a new holder to write its pid before it says "pid unknown". */
    private static final Duration PID_GRACE = Duration.ofSeconds(2);

    private final FileChannel channel;
    private final FileLock lock;

    private BuildLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the project's lock, waiting up to {@code patience} for a build that holds it.
     *
     * @throws BuildFailed when the other build still holds it after {@code patience}
     */
    static BuildLock take(SiteConfig config, Progress progress, Duration patience) throws IOException, BuildFailed {
        Path file = config.root().resolve(FILE);
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            long firstTry = System.nanoTime();
            long deadline = firstTry + patience.toNanos();
            boolean said = false;
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    // One write of a fixed width, never a truncate first: a waiting build reads a whole pid or none.
                    channel.write(ByteBuffer.wrap(String.format("%-" + PID_WIDTH + "d\n", ProcessHandle.current().pid())
                            .getBytes(StandardCharsets.US_ASCII)), 0);
                    return new BuildLock(channel, lock);
                }
                String holder = holder(channel);
                if (holder.equals("unknown") && !said && System.nanoTime() < firstTry + PID_GRACE.toNanos()) {
                    Thread.sleep(20); // the holder has locked but not yet written its pid
                    continue;
                }
                if (!said) {
                    progress.waiting("waiting for another build of this project (pid " + holder + ") to finish…");
                    said = true;
                }
                if (System.nanoTime() > deadline) {
                    throw new BuildFailed(List.of(Problem.at(FILE, 0, "another build of this project (pid " + holder
                                    + ") is still running after " + patience.toMinutes() + " min",
                            "Wait for it to finish, or stop it (kill " + holder + "); its lock ends with its process.")));
                }
                Thread.sleep(200);
            }
        } catch (IOException | BuildFailed | RuntimeException e) {
            channel.close();
            throw e;
        } catch (InterruptedException e) {
            channel.close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + FILE, e);
        }
    }

    /** The lock, or null when another process, or another build in this one, holds it. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock(REGION, 1, false);
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer pid = ByteBuffer.allocate(32);
        channel.read(pid, 0);
        String text = new String(pid.array(), 0, pid.position(), StandardCharsets.US_ASCII).lines().findFirst().orElse("").strip();
        // A pid left by a build that ended (or was killed) is not the holder: the new holder has not written yet.
        boolean alive = text.matches("\\d{1,18}") && ProcessHandle.of(Long.parseLong(text)).map(ProcessHandle::isAlive).orElse(false);
        return alive ? text : "unknown";
    }

    @Override
    public void close() throws IOException {
        try (FileChannel c = channel) {
            c.truncate(0); // while still held: the next waiter never reads this build's pid as its holder's
            lock.release();
        }
    }
}
