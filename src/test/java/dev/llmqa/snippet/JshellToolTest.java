package dev.llmqa.snippet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every examples/*.jsh runs in the real {@code jshell} tool, the way a learner runs it, and prints no error or
 * exception (each file checks itself against published values and throws on a mismatch).
 */
class JshellToolTest {

    static Path jshell() {
        Path sibling = Path.of(System.getProperty("java.home"), "bin", "jshell");
        return Files.isExecutable(sibling) ? sibling : Path.of("jshell");
    }

    @TestFactory
    Stream<DynamicTest> every_example_file_runs_cleanly_in_the_jshell_tool() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("examples"))) {
            return files.filter(f -> f.toString().endsWith(".jsh")).sorted().toList().stream()
                    .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> runs(file)));
        }
    }

    private static void runs(Path file) throws Exception {
        Process process = new ProcessBuilder(jshell().toString(), "-R-Xmx256m", file.toString())
                .redirectErrorStream(true).start();
        process.getOutputStream().write("/exit\n".getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(finished).as("jshell %s finished within 120 s", file).isTrue();
        assertThat(output.lines().filter(l -> l.startsWith("|  Error") || l.startsWith("|  Exception")
                        || l.contains("cannot be invoked until") || l.startsWith("|  Caused by")))
                .as("jshell %s printed:%n%s", file, output).isEmpty();
        assertThat(process.exitValue()).isZero();
    }
}
