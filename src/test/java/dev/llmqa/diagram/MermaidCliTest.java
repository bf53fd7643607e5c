package dev.llmqa.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqa.Fixtures;
import dev.llmqa.WarmTools;
import dev.llmqa.cli.Main;
import dev.llmqa.site.Spot;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Mermaid CLI (tools/mermaid, installed by ./mvnw verify): batch drawing gives the same bytes as one mmdc call,
 * a broken diagram fails at its line with mmdc's message while the others are drawn, and nothing is left running.
 */
@Tag("integration")
class MermaidCliTest {

    private static final Path TOOL = Path.of("tools/mermaid").toAbsolutePath();

    @TempDir
    Path work;

    private static Diagram diagram(String source) {
        return new Diagram(new Spot("content/x.md", 1, 0), 2, source, "t",
                Diagram.key(source, DiagramExecutor.MERMAID_CLI_VERSION, "test"));
    }

    @AfterEach
    void nothingLeftRunning() throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (leftovers().length > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(leftovers()).isEmpty();
    }

    private static String[] leftovers() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.info().command().orElse("?")).filter(c -> c.contains("chrom") || c.contains("node"))
                .toArray(String[]::new);
    }

    @Test
    void the_tool_is_installed_here() {
        assertThat(new MermaidCli(TOOL, dev.llmqa.config.SiteConfig.of(java.nio.file.Path.of("")).settings()).unavailable())
                .as("./mvnw verify installs it before the integration tests; by hand: sh tools/install-test-tools.sh").isEmpty();
    }

    @Test
    void a_batch_draws_the_same_bytes_as_one_mmdc_call_per_diagram() throws Exception {
        List<Diagram> diagrams = List.of(
                diagram("flowchart LR\n  A[\"Prefill\"] --> B{{Decode}}\n  B --> C[/Output/]\n"),
                diagram("sequenceDiagram\n  Client->>Server: request\n  Server-->>Client: tokens\n"),
                diagram("classDiagram\n  class Cache {\n    +long bytes()\n  }\n  Cache <|-- PagedCache\n"),
                diagram("stateDiagram-v2\n  [*] --> Queued\n  Queued --> Running\n  Running --> [*]\n"));
        List<DiagramRenderer.Rendered> batch = new MermaidCli(TOOL, dev.llmqa.config.SiteConfig.of(java.nio.file.Path.of("")).settings()).render(diagrams);
        for (int i = 0; i < diagrams.size(); i++) {
            assertThat(batch.get(i).ok()).as(batch.get(i).error()).isTrue();
            assertThat(batch.get(i).svg()).as("diagram %d", i).isEqualTo(mmdc(diagrams.get(i)));
        }
    }

    private String mmdc(Diagram diagram) throws Exception {
        Path in = work.resolve(diagram.id() + ".mmd");
        Path out = work.resolve(diagram.id() + ".svg");
        Files.writeString(in, diagram.source());
        Process process = new ProcessBuilder(TOOL.resolve("node_modules/.bin/mmdc").toString(), "-i", in.toString(),
                "-o", out.toString(), "-I", diagram.id(), "-c", TOOL.resolve("mermaid-config.json").toString(),
                "-p", TOOL.resolve("puppeteer.json").toString(), "-b", "transparent", "-q")
                .redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(log).isZero();
        return Files.readString(out);
    }

    @Test
    void a_broken_diagram_fails_at_its_line_with_mmdcs_message_and_the_others_are_drawn() throws Exception {
        Path root = Fixtures.copy("basic", work.resolve("site"));
        dev.llmqa.build.Folders.delete(root.resolve("diagrams"));
        Files.createDirectories(root.resolve("tools"));
        Files.createSymbolicLink(root.resolve("tools/mermaid"), TOOL);
        Fixtures.write(root.resolve("content/about.md"), "title=A\ntype=page\nstatus=published\n~~~~~~\nText.\n\n"
                + "```mermaid\nflowchart LR\n  A --> B\n  B --> (((\n```\n\n```mermaid\nflowchart TD\n  X --> Y\n```\n");
        StringWriter err = new StringWriter();
        int code;
        // one snippet JVM for the fixture's few snippets (the command's own tools start two, warm them up and make
        // their class-data archive), closed before the check that nothing is left running
        try (WarmTools tools = new WarmTools(1, false)) {
            code = Main.run(new String[] {"build", "-q", "--root", root.toString()}, new PrintWriter(new StringWriter()),
                    new PrintWriter(err, true), tools.kept());
        }
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("1. content/about.md:10: mermaid: Parse error on line 3:");
        try (var stored = Files.list(root.resolve("diagrams"))) {
            assertThat(stored.count()).as("the two good diagrams (this page's and 01-first's) were drawn and stored")
                    .isEqualTo(2);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
