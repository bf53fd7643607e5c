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
 * {@code <variant> <wall ms> <cpu ms>}; asserts nothing. The CPU is this JVM's and its node processes' (user and
 * system, 10 ms ticks) over the same span, the node processes' up to their exit: on a shared machine the part that
 * other work does not change, and what the stage takes from the snippet JVMs in a cold build.
 * <ul>
 * <li>{@code node}: the math and highlight executors, as the execute stage runs them (at once, no cache), on Node</li>
 * <li>{@code warm}: {@code node} a second time in the same JVM, with new node processes and an empty cache folder:
 * what the executors cost once the JVM has loaded and compiled their code, as a build's JVM has much of it (the
 * input digests, the scan's file reads) by the time they run; a diagnostic beside the target, not the target</li>
 * <li>{@code graal}: the same on GraalJS (no node on the PATH)</li>
 * <li>{@code bare}: the Node batch alone: one {@code node node-engine.js} process (the command line {@link NodeJs}
 * runs, flags included) fed both requests, from start to exit, with the files already in place (the floor the stage
 * is held to)</li>
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
        Run run = switch (variant) {
            case "node", "graal" -> stage(site, config.settings().path());
            case "warm" -> {
                stage(site, config.settings().path());
                SiteConfig again = config.withCacheFolder(Files.createTempDirectory("llmqa-bench-cache"));
                yield stage(new Scan().run(Site.start(again), new Problems()).site(), again.settings().path());
            }
            case "bare" -> bare(site);
            default -> throw new IllegalArgumentException("variant: node, warm, graal or bare");
        };
        System.out.printf("%s %.0f %.0f%n", variant, run.ms(), run.cpuMs());
    }

    /** A run's wall time and CPU time. */
    private record Run(double ms, double cpuMs) {
    }

    /** CPU time of this process and of its children that have ended and been waited for (/proc/self/stat). */
    private static double cpuMs() throws java.io.IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields from the state on (the 3rd): utime, stime, cutime, cstime are the 14th to 17th
        long ticks = 0;
        for (int i = 13; i <= 16; i++) {
            ticks += Long.parseLong(fields[i - 2]);
        }
        return ticks * 10.0;
    }

    private static Run stage(Site site, String path) throws java.io.IOException {
        Set<String> kinds = new HashSet<>(JavaBlockRenderer.KINDS);
        kinds.addAll(CodeBlockRenderer.KINDS);
        double cpu = cpuMs();
        double ms;
        try (JsEngines engines = new JsEngines()) {
            Problems problems = new Problems();
            long start = System.nanoTime();
            var math = run(new MathExecutor(engines), site, problems);
            var highlight = run(new HighlightExecutor(engines, kinds), site, problems);
            String summary = math.join().summary() + "; " + highlight.join().summary();
            ms = (System.nanoTime() - start) / 1e6;
            if (!problems.isEmpty() || !engines.get(path).name().equals(path.isEmpty() ? "GraalJS" : "Node")) {
                throw new IllegalStateException(problems.report() + engines.get(path).name());
            }
            System.err.println(engines.get(path).name() + ": " + summary);
        }
        return new Run(ms, cpuMs() - cpu);
    }

    private static <R> CompletableFuture<Executor.Done<R>> run(Executor<R> executor, Site site, Problems problems) {
        return CompletableFuture.supplyAsync(() -> executor.execute(site, problems), r -> new Thread(r).start());
    }

    private static Run bare(Site site) throws Exception {
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
        double cpu = cpuMs();
        long start = System.nanoTime();
        Process node = new ProcessBuilder(NodeJs.command("katex.min.js", "highlight.min.js")).directory(folder.toFile())
                .redirectInput(requests.toFile()).redirectOutput(folder.resolve("answers.jsonl").toFile()).start();
        if (node.waitFor() != 0) {
            throw new IllegalStateException("node exited with " + node.exitValue());
        }
        double ms = (System.nanoTime() - start) / 1e6;
        double cpuMs = cpuMs() - cpu;
        List<String> answers = Files.readAllLines(folder.resolve("answers.jsonl"));
        System.err.println("bare node: " + answers.size() + " answers, " + answers.stream().mapToInt(String::length).sum() + " chars");
        return new Run(ms, cpuMs);
    }
}
