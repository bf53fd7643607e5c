package dev.llmqa.build;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real command line in a child JVM ({@code java -cp <this class path> dev.llmqa.cli.Main build --root DIR}),
 * reproducible (SOURCE_DATE_EPOCH), so its site can be compared byte for byte. Its progress lines (one per stage on
 * stdout) tell where the build is, so a test can kill it there.
 */
final class ChildBuild {

    static final String WORKER = "dev.llmqa.snippet.worker.Worker";

    private final Process process;
    private final List<String> out = new ArrayList<>();
    private final CompletableFuture<String> err;

    private ChildBuild(Process process) {
        this.process = process;
        this.err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
    }

    static ChildBuild start(Path root) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // C1 only: a build this short is over before C2 pays back (the basic fixture's build: 12.7 → 8.4 s)
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), "dev.llmqa.cli.Main", "build", "--root", root.toString());
        builder.environment().put("SOURCE_DATE_EPOCH", "1700000000");
        builder.environment().remove("GITHUB_ACTIONS");
        return new ChildBuild(builder.start());
    }

    /** Reads progress lines until {@code lines} have been printed (or the build ended); returns what was read. */
    List<String> awaitLines(int lines) throws IOException {
        BufferedReader reader = reader();
        while (out.size() < lines) {
            String line = reader.readLine();
            if (line == null) {
                break;
            }
            out.add(line);
        }
        return List.copyOf(out);
    }

    private BufferedReader stdout;

    private BufferedReader reader() {
        if (stdout == null) {
            stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }
        return stdout;
    }

    /** SIGKILL, as the OOM killer or a closed CI job does; returns the build's processes at that moment. */
    List<ProcessHandle> kill() throws InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        return tree;
    }

    /** Waits at most {@code millis} for the build to end; whether it has. */
    boolean ended(long millis) throws InterruptedException {
        return process.waitFor(millis, TimeUnit.MILLISECONDS);
    }

    /** Waits for the build to end; its exit code. */
    int exit(long minutes) throws InterruptedException, IOException {
        awaitLines(Integer.MAX_VALUE);
        if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IllegalStateException("the build did not end within " + minutes + " min; stdout: " + out);
        }
        return process.exitValue();
    }

    String stdout() {
        return String.join("\n", out);
    }

    String stderr() {
        return err.join();
    }

    /** Worker JVMs among {@code processes} still alive after a few seconds (they end when their host does). */
    static List<String> workersLeft(List<ProcessHandle> processes) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        List<ProcessHandle> workers = processes.stream()
                .filter(p -> p.info().commandLine().orElse("").contains(WORKER)).toList();
        while (System.nanoTime() < deadline && workers.stream().anyMatch(ChildBuild::running)) {
            Thread.sleep(20);
        }
        return workers.stream().filter(ChildBuild::running)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("")).toList();
    }

    /** Alive and not a zombie (a killed worker stays one until an init reaps it). */
    private static boolean running(ProcessHandle process) {
        return !dev.llmqa.snippet.pool.Processes.gone(process);
    }

    /** The names beside the site that only a build in progress should have: staging and moved-aside folders. */
    static List<String> leftovers(Path root) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(root)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(".site.")).forEach(found::add);
        }
        if (Files.isDirectory(root.resolve("diagrams"))) {
            try (Stream<Path> files = Files.list(root.resolve("diagrams"))) {
                files.map(f -> "diagrams/" + f.getFileName()).filter(n -> n.endsWith(".tmp")).forEach(found::add);
            }
        }
        return found;
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
