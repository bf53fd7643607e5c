package dev.llmqa.diagram;

import dev.llmqa.config.SiteConfig;
import dev.llmqa.content.Scan;
import dev.llmqa.problem.Problems;
import dev.llmqa.site.Site;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Drawing every diagram of the site from nothing: one batch through the Mermaid CLI adapter (browser launch
 * included) against one mmdc process per diagram. Run with bench/diagrams.sh. Prints figures; asserts nothing.
 */
public final class DiagramBench {

    public static void main(String[] args) throws Exception {
        SiteConfig config = SiteConfig.of(Path.of(args.length > 0 ? args[0] : "."));
        Site site = new Scan().run(Site.start(config), new Problems()).site();
        Path tool = config.mermaidTool();
        List<Diagram> diagrams = DiagramExecutor.diagrams(site);
        System.out.printf("the site: %d diagrams from %d pages, mermaid-cli %s%n", diagrams.size(),
                site.pages().size(), DiagramExecutor.MERMAID_CLI_VERSION);
        bench(diagrams, tool);
        List<Diagram> more = new java.util.ArrayList<>(diagrams);
        try (var files = Files.list(tool.resolve("test-diagrams"))) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                String source = Files.readString(file);
                more.add(new Diagram(new dev.llmqa.site.Spot(file.toString(), 1, 0), 1, source, "t",
                        Diagram.key(source, DiagramExecutor.MERMAID_CLI_VERSION, file.toString())));
            }
        }
        System.out.printf("%nthe site and tools/mermaid/test-diagrams: %d diagrams%n", more.size());
        bench(more, tool);
    }

    private static void bench(List<Diagram> diagrams, Path tool) throws Exception {

        for (int run = 1; run <= 2; run++) {
            long start = System.nanoTime();
            List<DiagramRenderer.Rendered> drawn = new MermaidCli(tool, dev.llmqa.config.SiteConfig.of(java.nio.file.Path.of("")).settings()).render(diagrams);
            double ms = (System.nanoTime() - start) / 1e6;
            long failed = drawn.stream().filter(r -> !r.ok()).count();
            System.out.printf("  batch, run %d (one browser):    %7.0f ms total  %6.1f ms per diagram  (%d failed)%n",
                    run, ms, ms / diagrams.size(), failed);
        }

        Path work = Files.createTempDirectory("llmqa-mmdc");
        long start = System.nanoTime();
        for (Diagram diagram : diagrams) {
            Path in = work.resolve(diagram.id() + ".mmd");
            Files.writeString(in, diagram.source());
            Process process = new ProcessBuilder(tool.resolve("node_modules/.bin/mmdc").toString(), "-i", in.toString(),
                    "-o", work.resolve(diagram.id() + ".svg").toString(), "-I", diagram.id(),
                    "-c", tool.resolve("mermaid-config.json").toString(), "-p", tool.resolve("puppeteer.json").toString(),
                    "-b", "transparent", "-q").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            process.waitFor(120, TimeUnit.SECONDS);
        }
        double ms = (System.nanoTime() - start) / 1e6;
        System.out.printf("  one mmdc process per diagram:  %7.0f ms total  %6.1f ms per diagram%n", ms, ms / diagrams.size());
    }
}
