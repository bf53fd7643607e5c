package dev.llmqa.snippet;

import dev.llmqa.config.SandboxMode;
import dev.llmqa.snippet.pool.PageProgram;
import dev.llmqa.snippet.pool.PageResult;
import dev.llmqa.snippet.pool.Sandbox;
import dev.llmqa.snippet.pool.WorkerOptions;
import dev.llmqa.snippet.pool.WorkerPool;
import dev.llmqa.snippet.wire.Source;
import dev.llmqa.snippet.wire.Step;
import dev.llmqa.snippet.worker.Session;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jdk.jshell.JShell;

/**
 * Measures the worker pool against JShell's default (JDI) engine: worker start, cost per eval, pages per second.
 * Run with bench/snippets.sh [pages] [snippetsPerPage]; -Dbench.workerOpts="-Xmx256m ..." overrides worker flags,
 * -Dbench.archives=DIR has the workers map a class-data archive kept in DIR.
 * Prints figures only.
 */
public final class SnippetBench {

    private SnippetBench() {
    }

    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int snippets = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int workers = Runtime.getRuntime().availableProcessors();
        WorkerOptions options = WorkerOptions.defaults();
        String custom = System.getProperty("bench.workerOpts");
        if (custom != null) {
            options = options.withJvmOptions(Arrays.asList(custom.trim().split("\\s+")));
        }
        System.out.printf(Locale.US, "%d pages x %d snippets, %d workers, worker flags %s%n", pages, snippets, workers,
                String.join(" ", options.jvmOptions()));

        long idleMillis = Long.getLong("bench.idleMillis", 0);
        long t0 = System.nanoTime();
        // -Dbench.archives=DIR: the workers map the class-data archive kept in DIR (made there by the first run)
        String archives = System.getProperty("bench.archives");
        try (WorkerPool pool = archives == null ? new WorkerPool(options, workers)
                : new WorkerPool(options, workers, Sandbox.choose(SandboxMode.of(System.getenv()),
                        System.getenv().getOrDefault("PATH", ""), options), Path.of(archives))) {
            System.out.println("snippets run " + pool.isolation().mode() + " (LLMQA_SANDBOX=auto|required|off)");
            if (idleMillis > 0) {
                System.out.printf(Locale.US, "(the pool idles %d ms first, as while a build scans pages)%n", idleMillis);
                Thread.sleep(idleMillis);
            }
            PageResult first = pool.run(program("warm-0", snippets));
            check(first);
            double firstPage = ms(System.nanoTime() - t0);
            System.out.printf(Locale.US, "worker start (launch to ready, with a fresh session): %s ms; "
                    + "first page done after %.0f ms%n", pool.startupTimes().stream()
                    .map(d -> String.valueOf(d.toMillis())).toList(), firstPage);
            long cpu0 = workerCpu(pool);
            report("worker pool, first round ", runPages(pool, pages, snippets, workers), pages, snippets,
                    workerCpu(pool) - cpu0);
            cpu0 = workerCpu(pool);
            report("worker pool, second round", runPages(pool, pages, snippets, workers), pages, snippets,
                    workerCpu(pool) - cpu0);
        }

        if (!Boolean.parseBoolean(System.getProperty("bench.jdi", "true"))) {
            return;
        }
        int jdiPages = Math.max(2, Math.min(pages, 6));
        long j0 = System.nanoTime();
        ExecutorService threads = Executors.newFixedThreadPool(workers);
        List<Future<?>> done = new ArrayList<>();
        for (int p = 0; p < jdiPages; p++) {
            int page = p;
            done.add(threads.submit(() -> defaultEngine(page, snippets)));
        }
        for (Future<?> f : done) {
            f.get();
        }
        threads.shutdown();
        report("JShell default engine (JDI, a JVM per page)", System.nanoTime() - j0, jdiPages, snippets, -1);
    }

    private static long runPages(WorkerPool pool, int pages, int snippets, int threads) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        List<Future<PageResult>> results = new ArrayList<>();
        for (int p = 0; p < pages; p++) {
            PageProgram program = program("page-" + p, snippets);
            results.add(executor.submit(() -> pool.run(program)));
        }
        for (Future<PageResult> r : results) {
            check(r.get());
        }
        long elapsed = System.nanoTime() - t0;
        executor.shutdown();
        return elapsed;
    }

    private static void defaultEngine(int page, int snippets) {
        java.io.PrintStream discard = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
        try (JShell shell = JShell.builder().out(discard).err(discard).build()) {
            for (String pkg : Session.DEFAULT_IMPORTS) {
                shell.eval("import " + pkg + ".*;");
            }
            for (String snippet : snippets(page, snippets)) {
                shell.eval(snippet);
            }
        }
    }

    private static void report(String what, long nanos, int pages, int snippets, long cpuNanos) {
        double evals = (double) pages * snippets;
        String cpu = cpuNanos < 0 ? "" : String.format(Locale.US, ", worker CPU %.1f ms per eval", ms(cpuNanos) / evals);
        System.out.printf(Locale.US, "%-44s %6.0f ms for %d evals: %5.1f ms per eval amortized, %5.2f pages/s%s%n",
                what, ms(nanos), (int) evals, ms(nanos) / evals, pages / (nanos / 1e9), cpu);
    }

    private static long workerCpu(WorkerPool pool) {
        // a sandboxed worker's JVM is a descendant of the process the pool started (bwrap)
        return pool.pids().stream().map(ProcessHandle::of).flatMap(java.util.Optional::stream)
                .flatMap(h -> java.util.stream.Stream.concat(java.util.stream.Stream.of(h), h.descendants()))
                .map(h -> h.info().totalCpuDuration().orElse(Duration.ZERO).toNanos()).mapToLong(Long::longValue).sum();
    }

    private static void check(PageResult result) {
        if (!result.completed()) {
            throw new IllegalStateException(result.page() + ": " + result.failure());
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    static PageProgram program(String name, int snippets) {
        List<String> code = snippets(name.hashCode() & 0xff, snippets);
        return new PageProgram(name, List.of(new Step.Run(new Source(name + ".md", 1, String.join("\n", code)))));
    }

    /** A page's worth of typical snippets: variables, a method, a record, a loop, a stream, formatting. */
    static List<String> snippets(int seed, int count) {
        List<String> all = List.of(
                "long layers = " + (24 + seed % 8) + ";",
                "long heads = 32, dim = 128;",
                "long kvBytes(long tokens) { return 2 * layers * heads * dim * tokens * 2; }",
                "record Model(String name, long params) { double gb() { return params * 2 / 1e9; } }",
                "var models = List.of(new Model(\"7b\", 7_000_000_000L), new Model(\"13b\", 13_000_000_000L));",
                "for (var m : models) System.out.printf(\"%s %.1f GB%n\", m.name(), m.gb());",
                "long total = LongStream.of(1024, 4096, 32768).map(t -> kvBytes(t)).sum();",
                "String summary = String.format(\"%,d bytes\", total);",
                "System.out.println(summary);",
                "Map<String, Long> byName = models.stream().collect(Collectors.toMap(Model::name, Model::params));");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(i < all.size() ? all.get(i) : "System.out.println(layers * " + i + ");");
        }
        return out;
    }
}
