package dev.llmqa.snippet;

import dev.llmqa.example.ExampleFiles;
import dev.llmqa.snippet.pool.SharedRunner;
import dev.llmqa.snippet.pool.WorkerPool;
import dev.llmqa.snippet.wire.Source;
import dev.llmqa.snippet.wire.Step;
import dev.llmqa.snippet.worker.Piece;

import dev.llmqa.config.SiteConfig;
import dev.llmqa.content.Scan;
import dev.llmqa.problem.Problems;
import dev.llmqa.site.Page;
import dev.llmqa.site.Site;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import jdk.jshell.JShell;

/**
 * The snippet stage over the project's own pages: how many evals the site has, the stage's wall time cold (new
 * worker JVMs, empty cache), warm (workers kept, empty cache) and from the cache, and the cost per eval.
 * Run with bench/site.sh ({@code --evals DIR} prints only the number of evals, for bench/snippets.sh --builds).
 * Prints figures; asserts nothing.
 */
public final class SiteBench {

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--evals")) {
            // for bench/snippets.sh --builds: the count alone
            System.out.println(countEvals(new Scan().run(Site.start(SiteConfig.of(Path.of(args[1]))), new Problems()).site()));
            return;
        }
        Path cache = Files.createTempDirectory("llmqa-bench-cache");
        SiteConfig config = SiteConfig.of(Path.of(args.length > 0 ? args[0] : ".")).withCache(true);
        Site site = new Scan().run(Site.start(config), new Problems()).site();
        int evals = countEvals(site);
        System.out.printf("snippet stage: %d pages, %d evals (example files, blocks, transcript inputs, inline values)%n",
                site.pages().size(), evals);

        long cold = time(site, cache.resolve("a"), null);
        report("cold: new worker JVMs, no cache", cold, evals);
        try (WorkerPool pool = new WorkerPool()) {
            time(site, cache.resolve("b"), pool); // warms the workers
            long warm = time(site, cache.resolve("c"), pool);
            report("warm workers, no cache", warm, evals);
            long cached = time(site, cache.resolve("c"), pool);
            report("warm cache (nothing re-run)", cached, evals);
        }
    }

    private static long time(Site site, Path cacheFolder, WorkerPool pool) {
        Site cached = Site.start(site.config().withCacheFolder(cacheFolder)).withPages(site.pages());
        Problems problems = new Problems();
        long start = System.nanoTime();
        new SnippetExecutor(pool == null ? WorkerPool::new : () -> new SharedRunner(pool)).execute(cached, problems);
        long took = System.nanoTime() - start;
        if (!problems.isEmpty()) {
            throw new IllegalStateException(problems.report());
        }
        return took;
    }

    private static void report(String what, long nanos, int evals) {
        System.out.printf("  %-32s %8.0f ms total  %6.2f ms per eval%n", what, nanos / 1e6, nanos / 1e6 / evals);
    }

    private static int countEvals(Site site) {
        ExampleFiles examples = new ExampleFiles(site.config().examples());
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            int evals = 0;
            for (Page page : site.pages()) {
                var plan = PagePlan.of(page, examples, Duration.ofSeconds(10), new Problems());
                if (plan.isEmpty()) {
                    continue;
                }
                for (Step step : plan.get().program().steps()) {
                    for (Source source : step.sources()) {
                        evals += Piece.split(source, shell.sourceCodeAnalysis(), step instanceof Step.Transcript).size();
                    }
                }
            }
            return evals;
        }
    }
}
