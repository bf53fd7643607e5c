package dev.llmqa.snippet.pool;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Drains a worker's stderr (the JVM's own messages, e.g. on a crash) and keeps the last few KiB for reports. */
final class StderrTail {

    private static final int KEEP = 8 * 1024;

    private final byte[] ring = new byte[KEEP];
    private long written;
    private final CountDownLatch ended = new CountDownLatch(1);

    private StderrTail() {
    }

    static StderrTail drain(InputStream stderr, String threadName) {
        StderrTail tail = new StderrTail();
        Thread thread = new Thread(() -> tail.pump(stderr), threadName);
        thread.setDaemon(true);
        thread.start();
        return tail;
    }

    private void pump(InputStream stderr) {
        byte[] buffer = new byte[4096];
        try (stderr) {
            int n;
            while ((n = stderr.read(buffer)) > 0) {
                append(buffer, n);
            }
        } catch (IOException e) {
            // the process is gone
        } finally {
            ended.countDown();
        }
    }

    private synchronized void append(byte[] buffer, int n) {
        for (int i = 0; i < n; i++) {
            ring[(int) (written++ % KEEP)] = buffer[i];
        }
    }

    void awaitEnd(Duration timeout) {
        try {
            ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    synchronized String text() {
        int size = (int) Math.min(written, KEEP);
        byte[] out = new byte[size];
        long start = written - size;
        for (int i = 0; i < size; i++) {
            out[i] = ring[(int) ((start + i) % KEEP)];
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
