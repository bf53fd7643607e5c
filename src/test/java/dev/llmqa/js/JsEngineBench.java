package dev.llmqa.js;

import dev.llmqa.config.SiteConfig;
import dev.llmqa.content.Scan;
import dev.llmqa.execute.Executor;
import dev.llmqa.highlight.CodeBlockRenderer;
import dev.llmqa.highlight.HighlightExecutor;
import dev.llmqa.math.MathExecutor;
import dev.llmqa.problem.Problems;
import dev.llmqa.site.Site;
import dev.llmqa.snippet.render.JavaBlockRenderer;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One measurement of the math + highlight work of the whole site from nothing, in this (fresh) JVM; run by
 * bench/js-engines.sh, which alternates the variants and prints medians and ratios. Prints one line
 * {@code <variant> <wall ms>}; asserts nothing.
 * <ul>
 * <li>{@code node}: the math and highlight executors, as the execute stage runs them (at once, no cache), on Node</li>
 * <li>{@code graal}: the same on GraalJS (no node on the PATH)</li>
 * <li>{@code bare}: the Node batch alone: one {@code node node-engine.js} process fed both requests, from start to
 * exit, with the files already in place (the floor the stage is held to)</li>
 * </ul>
 */
public final class JsEngineBench {

    public static void main(String[] args) throws Exception {
        String variant = args[0];
        Path root = Path.of(args.length > 1 ? args[1] : ".");
        // graal: the environment without PATH, so no node is found, as on a machine without Node
        Map<String, String> env = variant.equals("graal") ? Map.of() : System.getenv();
        SiteConfig config = SiteConfig.of(root, env).withCache(false).withCacheFolder(Files.createTempDirectory("llmqa-bench-cache"));
        Site site = new Scan().run(Site.start(config), new Problems()).site();
        double ms = switch (variant) {
            case "node", "graal" -> stage(site, config.settings().path());
            case "bare" -> bare(site);
            default -> throw new IllegalArgumentException("variant: node, graal or bare");
        };
        System.out.printf("%s %.0f%n", variant, ms);
    }

    private static double stage(Site site, String path) {
        Set<String> kinds = new HashSet<>(JavaBlockRenderer.KINDS);
        kinds.addAll(CodeBlockRenderer.KINDS);
        try (JsEngines engines = new JsEngines()) {
            Problems problems = new Problems();
            long start = System.nanoTime();
            var math = run(new MathExecutor(engines), site, problems);
            var highlight = run(new HighlightExecutor(engines, kinds), site, problems);
            String summary = math.join().summary() + "; " + highlight.join().summary();
            double ms = (System.nanoTime() - start) / 1e6;
            if (!problems.isEmpty() || !engines.get(path).name().equals(path.isEmpty() ? "GraalJS" : "Node")) {
                throw new IllegalStateException(problems.report() + engines.get(path).name());
            }
            System.err.println(engines.get(path).name() + ": " + summary);
            return ms;
        }
    }

    private static <R> CompletableFuture<Executor.Done<R>> run(Executor<R> executor, Site site, Problems problems) {
        return CompletableFuture.supplyAsync(() -> executor.execute(site, problems), r -> new Thread(r).start());
    }

    private static double bare(Site site) throws Exception {
        Path folder = Files.createTempDirectory("llmqa-bench-node");
        for (String[] file : new String[][] {{Pinned.KATEX_SCRIPT, "katex.min.js"}, {Pinned.HIGHLIGHT_SCRIPT, "highlight.min.js"},
                {Pinned.GLUE, "engine.js"}, {Pinned.NODE_MAIN, "node-engine.js"}}) {
            try (InputStream in = Pinned.open(file[0])) {
                Files.copy(in, folder.resolve(file[1]));
            }
        }
        Path requests = folder.resolve("requests.jsonl");
        Files.writeString(requests, Glue.typesetRequest(new ArrayList<>(EnginesAgreeTest.formulas(site))) + "\n"
                + Glue.highlightRequest(new ArrayList<>(EnginesAgreeTest.blocks(site))) + "\n");
        long start = System.nanoTime();
        Process node = new ProcessBuilder("node", "node-engine.js", "katex.min.js", "highlight.min.js").directory(folder.toFile())
                .redirectInput(requests.toFile()).redirectOutput(folder.resolve("answers.jsonl").toFile()).start();
        if (node.waitFor() != 0) {
            throw new IllegalStateException("node exited with " + node.exitValue());
        }
        double ms = (System.nanoTime() - start) / 1e6;
        List<String> answers = Files.readAllLines(folder.resolve("answers.jsonl"));
        System.err.println("bare node: " + answers.size() + " answers, " + answers.stream().mapToInt(String::length).sum() + " chars");
        return ms;
    }
}
