package dev.llmqa.snippet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every examples/*.jsh runs in the real {@code jshell} tool, the way a learner runs it, and prints no error or
 * exception (each file checks itself against published values and throws on a mismatch).
 */
@Tag("integration")
class JshellToolTest {

    /**
     * JIT and GC flags for the tool's JVM and its remote one, as the snippet JVMs use (WorkerOptions): a short run
     * is mostly javac, which C1 alone compiles sooner than C2 pays back (less than half the CPU per file on 2
     * cores). They change how fast the tool runs, not what it prints.
     */
    static final List<String> SHORT_RUN = List.of("-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC",
            "-R-XX:TieredStopAtLevel=1", "-R-XX:+UseSerialGC");

    /**
     * The jshell command with {@link #SHORT_RUN} and a preferences store of its own in {@code preferences}: the tool
     * writes its store on exit under a file lock, and runs side by side failed on it ("Couldn't get file lock"); an
     * empty store is also what a learner's first jshell has (the default feedback mode and start-up snippets).
     */
    static List<String> tool(Path preferences) {
        List<String> command = new ArrayList<>(List.of(jshell().toString(), "-J-Djava.util.prefs.userRoot=" + preferences));
        command.addAll(SHORT_RUN);
        return command;
    }

    static Path jshell() {
        Path sibling = Path.of(System.getProperty("java.home"), "bin", "jshell");
        return Files.isExecutable(sibling) ? sibling : Path.of("jshell");
    }

    /**
     * The files run side by side, all at once; each file's test waits for its own run. A run mostly waits: the tool
     * drives its second JVM over JDI, about 130 ms a snippet (08-kv-cache: 12 s, 4.8 s of CPU). The tool runs with
     * its default execution engine, as a learner's does: {@code --execution local} (5 times faster) cannot redefine
     * a class, so a changed method or class is "replaced", and the variables that hold it reset to null, where the
     * learner's jshell says "modified" (TranscriptTest's declarations show it).
     */
    @TestFactory
    Stream<DynamicTest> every_example_file_runs_cleanly_in_the_jshell_tool(@TempDir Path preferences) throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(Path.of("examples"))) {
            files = listed.filter(f -> f.toString().endsWith(".jsh")).sorted().toList();
        }
        ExecutorService runners = Executors.newFixedThreadPool(Math.max(1, files.size()));
        Map<Path, Future<Run>> runs = new LinkedHashMap<>();
        files.forEach(file -> runs.put(file, runners.submit(() -> run(file, preferences.resolve(file.getFileName().toString())))));
        runners.shutdown();
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Run run = runs.get(file).get();
            assertThat(run.finished()).as("jshell %s finished within 120 s", file).isTrue();
            assertThat(run.output().lines().filter(l -> l.startsWith("|  Error") || l.startsWith("|  Exception")
                            || l.contains("cannot be invoked until") || l.startsWith("|  Caused by")))
                    .as("jshell %s printed:%n%s", file, run.output()).isEmpty();
            assertThat(run.exit()).as("jshell %s printed:%n%s", file, run.output()).isZero();
        }));
    }

    private record Run(boolean finished, String output, int exit) {
    }

    private static Run run(Path file, Path preferences) throws Exception {
        List<String> command = tool(preferences);
        command.addAll(List.of("-R-Xmx256m", file.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        // read beside the wait: a file that prints more than a pipe holds must not stall the tool
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(its output could not be read: " + e + ")";
            }
        });
        process.getOutputStream().write("/exit\n".getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        return new Run(finished, output.get(10, TimeUnit.SECONDS), finished ? process.exitValue() : -1);
    }
}
