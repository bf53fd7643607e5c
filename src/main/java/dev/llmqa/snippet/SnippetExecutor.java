package dev.llmqa.snippet;

import dev.llmqa.config.SiteConfig;
import dev.llmqa.example.ExampleFiles;
import dev.llmqa.snippet.pool.Sandbox;
import dev.llmqa.snippet.pool.PageProgram;
import dev.llmqa.snippet.pool.PageResult;
import dev.llmqa.snippet.pool.SnippetRunner;
import dev.llmqa.snippet.pool.StepResult;
import dev.llmqa.snippet.transcript.OutputMatch;
import dev.llmqa.snippet.transcript.TranscriptBlock;
import dev.llmqa.snippet.wire.Step;

import dev.llmqa.execute.Executor;
import dev.llmqa.problem.Problem;
import dev.llmqa.problem.Problems;
import dev.llmqa.site.Block;
import dev.llmqa.site.Page;
import dev.llmqa.site.Site;
import dev.llmqa.site.Spot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs every page's snippets (one fresh JShell session per page, pages in parallel) and checks transcripts. Every
 * failure is a problem at its file line.
 */
public final class SnippetExecutor implements Executor<Snippets> {

    private final Function<SiteConfig, SnippetRunner> runners;

    /**
     * @param runners makes the runner, for the build's settings (its sandbox), when there is something to run
     *                (starting worker JVMs costs time)
     */
    public SnippetExecutor(Function<SiteConfig, SnippetRunner> runners) {
        this.runners = runners;
    }

    /** For tests: a runner that does not depend on the settings. */
    public SnippetExecutor(Supplier<SnippetRunner> runners) {
        this(config -> runners.get());
    }

    @Override
    public String name() {
        return "snippets";
    }

    @Override
    public Done<Snippets> execute(Site site, Problems problems) {
        ExampleFiles examples = new ExampleFiles(site.config().examples());
        List<PagePlan> plans = new ArrayList<>();
        for (Page page : site.pages()) {
            PagePlan.of(page, examples, PageProgram.DEFAULT_TIMEOUT, problems).ifPresent(plans::add);
        }
        SnippetCache cache = SnippetCache.of(site.config(), problems);
        Ran ran;
        try {
            ran = run(plans, cache, site.config());
        } catch (Sandbox.Unavailable e) {
            String first = plans.stream().filter(plan -> cache.get(plan.program()).isEmpty()).findFirst()
                    .map(plan -> plan.page().path()).orElse(site.config().display(site.config().content()));
            problems.add(Problem.at(first, 0, "snippets must run sandboxed (--sandbox=required) but cannot: "
                    + e.getMessage(), "install bubblewrap (apt-get install bubblewrap) and allow user namespaces, "
                    + "or build with --sandbox=auto to run the snippets unsandboxed"));
            return new Done<>(new Snippets(Map.of(), Map.of(), Map.of()), "not run: no sandbox");
        }
        if (ran.isolation() != null && !ran.isolation().sandboxed()) {
            problems.warn(Problem.at(site.config().display(site.config().content()), 0, "snippets ran unsandboxed ("
                    + ran.isolation().how() + ")", "they could read and change "
                    + "whatever this user can; see README, Security"));
        }
        Found found = new Found();
        for (int i = 0; i < plans.size(); i++) {
            record(plans.get(i), ran.outcomes().get(i), found, problems);
        }
        return new Done<>(new Snippets(found.printed, found.replayed, found.computed),
                ran.ran().size() + " pages ran" + (ran.isolation() == null ? "" : " " + ran.isolation().mode()) + ", "
                        + (plans.size() - ran.ran().size()) + " from cache" + slowest(plans, ran));
    }

    /**
     * Every page's outcome, in plan order, which pages had to run (the others came from the cache), and how the
     * snippets were kept from the machine (null when none ran).
     */
    private record Ran(List<PageResult> outcomes, List<Integer> ran, Sandbox.Isolation isolation) {
    }

    /**
     * "; slowest: 08-kv-cache 2.1 s, 03-quantization 1.8 s, 01-scaling-laws 1.2 s": the (up to) three pages that ran
     * longest, by the run time of their steps, so a contributor sees what a page costs a cold build. Pages from the
     * cache cost nothing and are not named.
     */
    static String slowest(List<PagePlan> plans, Ran ran) {
        if (ran.ran().isEmpty()) {
            return "";
        }
        return ran.ran().stream()
                .map(i -> Map.entry(name(plans.get(i).page().path()), took(ran.outcomes().get(i))))
                .sorted(Map.Entry.<String, Duration>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(3)
                .map(e -> e.getKey() + " " + seconds(e.getValue()))
                .collect(Collectors.joining(", ", "; slowest: ", ""));
    }

    private static Duration took(PageResult result) {
        return result.steps().stream().map(StepResult::took).reduce(Duration.ZERO, Duration::plus);
    }

    private static String name(String path) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        return file.endsWith(".md") ? file.substring(0, file.length() - 3) : file;
    }

    private static String seconds(Duration took) {
        long ms = took.toMillis();
        return ms >= 1000 ? String.format(Locale.ROOT, "%.1f s", ms / 1000.0) : ms + " ms";
    }

    /** What the pages' steps produced, by place, as the steps are read. */
    private static final class Found {
        final Map<Spot, Snippets.Printed> printed = new HashMap<>();
        final Map<Spot, Snippets.Replayed> replayed = new HashMap<>();
        final Map<Spot, Snippets.Computed> computed = new HashMap<>();
    }

    private Ran run(List<PagePlan> plans, SnippetCache cache, SiteConfig config) {
        List<PageResult> outcomes = new ArrayList<>();
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            Optional<PageResult> hit = cache.get(plans.get(i).program());
            outcomes.add(hit.orElse(null));
            if (hit.isEmpty()) {
                missing.add(i);
            }
        }
        if (missing.isEmpty()) {
            return new Ran(outcomes, List.of(), null);
        }
        int threads = Math.max(1, Math.min(missing.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (SnippetRunner runner = runners.apply(config)) {
            List<Future<PageResult>> futures = new ArrayList<>();
            for (int i : missing) {
                PageProgram program = plans.get(i).program();
                futures.add(pool.submit(() -> runner.run(program)));
            }
            for (int k = 0; k < missing.size(); k++) {
                PageResult result = futures.get(k).get();
                outcomes.set(missing.get(k), result);
                cache.put(plans.get(missing.get(k)).program(), result);
            }
            return new Ran(outcomes, missing, runner.isolation());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running snippets", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the snippet runner failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void record(PagePlan plan, PageResult outcome, Found found, Problems problems) {
        for (int i = 0; i < outcome.steps().size(); i++) {
            StepResult step = outcome.steps().get(i);
            Spot spot = plan.spots().get(i);
            step.failure().map(failure -> at(spot, failure)).ifPresent(problems::add);
            if (step.failed()) {
                continue;
            }
            long millis = step.took().toMillis();
            if (step.truncated()) {
                problems.add(Problem.at(spot.path(), spot.line(), "the block printed more than the 64 KiB a page may show",
                        "Print a summary (a few lines, or every Nth value) instead of everything."));
            }
            if (step.step() instanceof Step.Run) {
                found.printed.put(spot, new Snippets.Printed(step.output(), step.truncated(), millis));
            } else if (step.step() instanceof Step.Value) {
                found.computed.put(spot, new Snippets.Computed(step.value()));
            } else if (step.step() instanceof Step.Transcript) {
                checkTranscript(plan.page().path(), plan.transcripts().get(spot), step.transcript(), problems);
                found.replayed.put(spot, new Snippets.Replayed(step.transcript(), millis));
            }
        }
    }

    /** A failure of an inline value without a column of its own is placed at the value's backtick. */
    private static Problem at(Spot spot, Problem failure) {
        if (spot.column() > 0 && failure.column() == 0 && failure.path().equals(spot.path()) && failure.line() == spot.line()) {
            return new Problem(failure.path(), failure.line(), spot.column(), failure.message(), failure.hint());
        }
        return failure;
    }

    /** Compares each input's expected lines with what jshell printed; a mismatch names the expected line. */
    static void checkTranscript(String path, PagePlan.Transcript transcript, List<String> actual, Problems problems) {
        double tolerance = transcript.tolerance();
        List<TranscriptBlock.Entry> entries = transcript.parsed().entries();
        for (int i = 0; i < entries.size() && i < actual.size(); i++) {
            TranscriptBlock.Entry entry = entries.get(i);
            List<String> got = actual.get(i).isBlank() ? List.of() : List.of(actual.get(i).stripTrailing().split("\n", -1));
            Optional<Integer> diff = OutputMatch.firstDifference(entry.expected(), got, tolerance);
            if (diff.isPresent()) {
                int at = diff.get();
                int line = at < entry.expectedLines().size() ? entry.expectedLines().get(at) : entry.line();
                problems.add(Problem.at(path, line, "the transcript does not match what jshell prints for: "
                                + entry.input().lines().findFirst().orElse("")
                                + "\n   expected: " + String.join("\n             ", entry.expected())
                                + "\n   actual:   " + String.join("\n             ", got),
                        "Paste the actual output into the transcript, or fix the code it calls."));
            }
        }
    }
}
