package dev.llmqa.snippet.pool;

import dev.llmqa.config.SandboxMode;
import dev.llmqa.snippet.wire.Source;
import dev.llmqa.snippet.wire.Step;

import dev.llmqa.problem.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The real {@link SnippetRunner}: a pool of warm worker JVMs, one page at a time each, replaced when a snippet
 * kills, hangs or exhausts one. Call {@link #run} from as many threads as there are workers.
 */
public final class WorkerPool implements SnippetRunner {

    /** How long closing the pool waits for the JVM that makes the class-data archive, before stopping it. */
    static final Duration ARCHIVE_WAIT = Duration.ofSeconds(30);

    private final WorkerOptions options;
    private final Sandbox sandbox;
    private final ClassDataArchive.Making makingArchive;
    private final BlockingQueue<CompletableFuture<WorkerProcess>> idle = new LinkedBlockingQueue<>();
    private final Set<WorkerProcess> live = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private volatile boolean keepOpen;
    /** The idle workers that keep a page open, and the page. */
    private final Map<CompletableFuture<WorkerProcess>, Open> opened = new ConcurrentHashMap<>();

    /**
     * As many workers as the machine has processors, in the sandbox {@code LLMQA_SANDBOX} asks for: for tests and
     * benchmarks (the build passes the sandbox its settings chose).
     */
    public WorkerPool() {
        this(WorkerOptions.defaults(), Runtime.getRuntime().availableProcessors());
    }

    /** For tests and benchmarks: the sandbox {@code LLMQA_SANDBOX} asks for. */
    public WorkerPool(WorkerOptions options, int size) {
        this(options, size, Sandbox.choose(SandboxMode.of(System.getenv()), System.getenv().getOrDefault("PATH", ""),
                options));
    }

    /** As many workers as the machine has processors, started now in the background. */
    public WorkerPool(SandboxMode mode, String path) {
        this(mode, path, null);
    }

    /**
     * As many workers as the machine has processors, started now in the background, mapping the class-data archive
     * kept in {@code archives} (made there, for the next pool, when it is missing or damaged).
     */
    public WorkerPool(SandboxMode mode, String path, Path archives) {
        this(WorkerOptions.defaults(), Runtime.getRuntime().availableProcessors(), mode, path, archives);
    }

    private WorkerPool(WorkerOptions options, int size, SandboxMode mode, String path, Path archives) {
        this(options, size, Sandbox.choose(mode, path, options), archives);
    }

    public WorkerPool(WorkerOptions options, int size, Sandbox sandbox) {
        this(options, size, sandbox, null);
    }

    /**
     * @param archives where the workers' class-data archive is kept ({@link ClassDataArchive}); null for none
     */
    public WorkerPool(WorkerOptions options, int size, Sandbox sandbox, Path archives) {
        if (size < 1) {
            throw new IllegalArgumentException("a pool needs at least one worker");
        }
        Optional<ClassDataArchive> archive = ClassDataArchive.in(archives, options);
        boolean usable = archive.map(ClassDataArchive::usable).orElse(false);
        this.options = usable ? options.sharing(archive.get().file()) : options;
        this.sandbox = sandbox;
        this.makingArchive = archive.isPresent() && !usable ? archive.get().startMaking().orElse(null) : null;
        for (int i = 0; i < size; i++) {
            idle.add(startWorker());
        }
    }

    @Override
    public PageResult run(PageProgram program) {
        if (closed) {
            throw new IllegalStateException("the snippet runner is closed");
        }
        for (Map.Entry<CompletableFuture<WorkerProcess>, Open> page : opened.entrySet()) {
            CompletableFuture<WorkerProcess> slot = page.getKey();
            if (page.getValue().continuedBy(program) && idle.remove(slot)) { // this thread owns the worker now
                opened.remove(slot);
                WorkerProcess worker = slot.join();
                if (worker.alive()) {
                    return settle(slot, worker, program, new PageRun(worker).run(program, page.getValue().result(), true));
                }
                retire(worker);
                replenish();
            }
        }
        CompletableFuture<WorkerProcess> slot;
        WorkerProcess worker;
        do {
            try {
                slot = idle.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a snippet JVM", e);
            }
            try {
                worker = slot.join();
            } catch (RuntimeException e) {
                replenish();
                return notStarted(program, e.getCause() == null ? e : e.getCause());
            }
        } while (opened.remove(slot) != null && !ended(worker));
        return settle(slot, worker, program, new PageRun(worker).run(program, null, keepOpen));
    }

    /**
     * From now on, each worker keeps the session of the last page it ran to completion open, and a later run of
     * the same page whose steps begin with all of that run's steps (the same code and limits: code added at the end,
     * perhaps below a paragraph written since) runs only the steps that follow in it: the result is what a fresh
     * session gives, as the session has run exactly that code before and is told the lines it is on now. A worker
     * given another page ends the open one first. For the preview server, where a contributor adds one block after
     * another.
     */
    public void keepLastPageOpen() {
        keepOpen = true;
    }

    /** Puts the worker back (with its page open, if it is), or replaces it, after a page ran on it. */
    private PageResult settle(CompletableFuture<WorkerProcess> slot, WorkerProcess worker, PageProgram program,
                              PageRun.Outcome outcome) {
        if (outcome.open() && !closed) {
            opened.put(slot, new Open(program, outcome.result()));
            idle.add(slot);
        } else if (!outcome.open() && outcome.workerReusable() && worker.pagesRun() < options.pagesPerWorker()
                && !closed) {
            idle.add(slot);
        } else {
            retire(worker);
            replenish();
        }
        return outcome.result();
    }

    /** Ends the page open on a worker taken from the idle ones; false when the worker had to be replaced. */
    private boolean ended(WorkerProcess worker) {
        try {
            worker.endPage();
            if (worker.alive() && worker.pagesRun() < options.pagesPerWorker()) {
                return true;
            }
        } catch (IOException e) {
            // replaced below
        }
        retire(worker);
        replenish();
        return false;
    }

    /** A page whose session is still open on its worker: what it ran and what that produced. */
    private record Open(PageProgram program, PageResult result) {

        /** The next program of the page begins with the same steps (the same code, perhaps on other lines). */
        boolean continuedBy(PageProgram next) {
            List<Step> ran = program.steps();
            if (!next.page().equals(program.page()) || next.steps().size() <= ran.size()) {
                return false;
            }
            for (int i = 0; i < ran.size(); i++) {
                Step was = ran.get(i);
                Step now = next.steps().get(i);
                if (!sameCode(was, now) || !next.timeoutFor(now).equals(program.timeoutFor(was))) {
                    return false;
                }
            }
            return true;
        }

        private static boolean sameCode(Step was, Step now) {
            if (was.getClass() != now.getClass() || was.sources().size() != now.sources().size()) {
                return false;
            }
            for (int i = 0; i < was.sources().size(); i++) {
                Source a = was.sources().get(i);
                Source b = now.sources().get(i);
                if (!a.path().equals(b.path()) || !a.code().equals(b.code())) {
                    return false;
                }
            }
            return true;
        }
    }

    @Override
    public Sandbox.Isolation isolation() {
        return sandbox.isolation();
    }

    /** How long the workers started so far took from launch to ready, for reports. */
    public List<Duration> startupTimes() {
        return live.stream().map(WorkerProcess::startup).toList();
    }

    /** The process ids of the running workers. */
    public List<Long> pids() {
        return live.stream().map(WorkerProcess::pid).toList();
    }

    @Override
    public void close() {
        closed = true;
        for (CompletableFuture<WorkerProcess> slot : idle) {
            slot.cancel(false);
        }
        for (CompletableFuture<WorkerProcess> slot : idle) {
            try {
                slot.join();
            } catch (RuntimeException e) {
                // never started; nothing to stop
            }
        }
        live.forEach(this::retire);
        if (makingArchive != null) {
            makingArchive.finish(ARCHIVE_WAIT);
        }
    }

    /** The class-data archive the workers map, if any. */
    Optional<Path> sharedArchive() {
        return Optional.ofNullable(options.sharedArchive());
    }

    private void replenish() {
        if (!closed) {
            idle.add(startWorker());
        }
    }

    private CompletableFuture<WorkerProcess> startWorker() {
        CompletableFuture<WorkerProcess> future = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                WorkerProcess worker = WorkerProcess.start(options, sandbox);
                live.add(worker);
                if (closed) {
                    retire(worker);
                }
                future.complete(worker);
            } catch (IOException | RuntimeException e) {
                future.completeExceptionally(e);
            }
        }, "llmqa-worker-start");
        starter.setDaemon(true);
        starter.start();
        return future;
    }

    private void retire(WorkerProcess worker) {
        worker.kill();
        live.remove(worker);
    }

    private static PageResult notStarted(PageProgram program, Throwable why) {
        Step first = program.steps().isEmpty() ? null : program.steps().get(0);
        if (first == null) {
            return new PageResult(program.page(), List.of(), true);
        }
        Source source = first.sources().get(0);
        Problem problem = Problem.at(source.path(), source.line(), "could not start the snippet JVM: "
                + why.getMessage(), "check that the java running the build can start another JVM");
        return new PageResult(program.page(), List.of(new StepResult(first, "", false, List.of(), null,
                Duration.ZERO, Optional.of(problem))), false);
    }
}
