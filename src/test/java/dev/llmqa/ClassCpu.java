package dev.llmqa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What each test class cost: its wall time, and the CPU time of this test JVM and of every process it started
 * (worker JVMs, builds, node, chromium and their children), one line per class in target/test-cpu/PID.txt. A test
 * JVM runs one class at a time, so the figures are the class's. Descendants are sampled every 100 ms (a sandboxed
 * worker is no child of ours, so it never reaches our children's times): what a process used in its last 100 ms
 * is missed, and so is a process shorter than that. Registered for every class through META-INF/services
 * (junit-platform.properties turns that on).
 */
public final class ClassCpu implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace HERE = ExtensionContext.Namespace.create(ClassCpu.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(HERE).put("sampler", new Sampler());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Sampler sampler = context.getStore(HERE).remove("sampler", Sampler.class);
        if (sampler == null) {
            return;
        }
        String line = String.format(Locale.ROOT, "%s\t%.1f\t%.1f\t%.1f%n", context.getRequiredTestClass().getName(),
                sampler.wall(), sampler.own(), sampler.descendants());
        try {
            Path file = Path.of("target/test-cpu", ManagementFactory.getRuntimeMXBean().getPid() + ".txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Samples the descendants' CPU times from start until stopped. */
    private static final class Sampler {
        private final long start = System.nanoTime();
        private final Duration ownAtStart = own(ProcessHandle.current());
        /** Per process (pid and start), what it had used when first seen and when last seen. */
        private final Map<String, Duration[]> seen = new ConcurrentHashMap<>();
        private final Thread thread;
        private volatile boolean running = true;

        Sampler() {
            sample(true);
            thread = new Thread(() -> {
                while (running) {
                    sample(false);
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "class-cpu");
            thread.setDaemon(true);
            thread.start();
        }

        private void sample(boolean first) {
            ProcessHandle.current().descendants().forEach(p -> {
                Duration cpu = own(p);
                Instant started = p.info().startInstant().orElse(Instant.EPOCH);
                Duration[] times = seen.computeIfAbsent(p.pid() + "@" + started,
                        k -> new Duration[] {first ? cpu : Duration.ZERO, cpu});
                if (cpu.compareTo(times[1]) > 0) {
                    times[1] = cpu;
                }
            });
        }

        double wall() {
            return (System.nanoTime() - start) / 1e9;
        }

        double own() {
            return seconds(own(ProcessHandle.current()).minus(ownAtStart));
        }

        double descendants() {
            sample(false);
            running = false;
            thread.interrupt();
            Duration sum = Duration.ZERO;
            for (Duration[] times : seen.values()) {
                sum = sum.plus(times[1].minus(times[0]));
            }
            return seconds(sum);
        }

        private static Duration own(ProcessHandle process) {
            return process.info().totalCpuDuration().orElse(Duration.ZERO);
        }

        private static double seconds(Duration duration) {
            return duration.toMillis() / 1000.0;
        }
    }
}
