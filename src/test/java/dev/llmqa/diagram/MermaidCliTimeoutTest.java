package dev.llmqa.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqa.site.Spot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A renderer that hangs is stopped at its time limit, with its whole process tree, even when it ignores SIGTERM,
 * never reads its input, and has started a child of its own (as node starts chromium); one that fails is reported
 * with its last lines of stderr. A stand-in script plays the renderer, since the real one could not be made to
 * hang or fail on demand.
 */
@Tag("integration")
class MermaidCliTimeoutTest {

    @TempDir
    Path tool;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // separate thread (junit-platform.properties): a deadlock fails, not hangs
    void a_hanging_renderer_is_stopped_with_its_children() throws Exception {
        String marker = "llmqa-hang-" + UUID.randomUUID();
        Files.writeString(tool.resolve("render-batch.mjs"), String.join("\n",
                "import { spawn } from 'node:child_process';",
                "process.on('SIGTERM', () => {});",
                "spawn(process.execPath, ['-e', 'process.on(\"SIGTERM\", () => {}); setInterval(() => {}, 1000)', '"
                        + marker + "'], { stdio: 'ignore' });",
                "setInterval(() => {}, 1000);",
                ""));
        // larger than a pipe's buffer: the script never reads it, and writing it must not block the build
        String source = "flowchart LR\n" + "  A --> B\n".repeat(40_000);
        Diagram diagram = new Diagram(new Spot("content/x.md", 1, 0), 2, source, "t", "0123456789abcdef");

        long start = System.nanoTime();
        List<DiagramRenderer.Rendered> rendered = new MermaidCli(tool, dev.llmqa.config.SiteConfig.of(java.nio.file.Path.of("")).settings(), Duration.ofSeconds(3), Duration.ZERO)
                .render(List.of(diagram));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(rendered).singleElement().satisfies(r ->
                assertThat(r.error()).isEqualTo("the Mermaid CLI failed: it did not finish within 3 s and was stopped;"
                        + " it wrote nothing to stderr"));
        assertThat(took).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(20));
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (running(marker) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(running(marker)).as("the renderer's child is still running").isFalse();
    }

    @Test
    void a_renderer_that_fails_is_reported_with_its_last_lines_of_stderr_and_what_to_run() throws Exception {
        Files.writeString(tool.resolve("render-batch.mjs"), String.join("\n",
                "for (let i = 1; i <= 30; i++) process.stderr.write(`line ${i}\\n`);",
                "process.stderr.write('Error: Failed to launch the browser process!\\n');",
                "process.exit(3);",
                ""));
        Diagram diagram = new Diagram(new Spot("content/x.md", 4, 0), 5, "flowchart LR\n  A --> B\n", "t", "0123456789abcdef");

        List<DiagramRenderer.Rendered> rendered = new MermaidCli(tool, dev.llmqa.config.SiteConfig.of(java.nio.file.Path.of("")).settings()).render(List.of(diagram));

        StringBuilder last = new StringBuilder();
        for (int i = 20; i <= 30; i++) {
            last.append("line ").append(i).append('\n');
        }
        String error = "the Mermaid CLI failed: it exited with 3 and no usable answer; the last lines it wrote to stderr:\n"
                + last + "Error: Failed to launch the browser process!";
        assertThat(rendered).singleElement().satisfies(r -> assertThat(r.error()).isEqualTo(error));
        assertThat(DiagramExecutor.problem(diagram, error).hint()).isEqualTo("Run the renderer by hand to see why: "
                + "echo '[{\"id\":\"d0\",\"source\":\"flowchart LR\\n A --> B\"}]' | (cd tools/mermaid && node render-batch.mjs --verbose)");
    }

    private static boolean running(String marker) {
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .anyMatch(p -> p.info().commandLine().orElse("").contains(marker));
    }
}
