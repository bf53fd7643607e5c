package dev.llmqa.snippet.pool;

import dev.llmqa.snippet.wire.Reply;
import dev.llmqa.snippet.wire.Source;
import dev.llmqa.snippet.wire.Step;
import dev.llmqa.snippet.wire.Fault;

import dev.llmqa.problem.Problem;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs one page on one worker, step by step, and turns timeouts and dead workers into problems. */
final class PageRun {

    /**
     * The page's result, whether the worker can take another page, and whether the page's session is still open on
     * it (the page was not ended, so more of its steps can follow).
     */
    record Outcome(PageResult result, boolean workerReusable, boolean open) {
        Outcome(PageResult result, boolean workerReusable) {
            this(result, workerReusable, false);
        }
    }

    /** A step that uses no CPU (sleeping, blocked) is stopped after this many times its limit of wall-clock time. */
    static final int BACKSTOP = 6;
    /** How often the worker's CPU time is read while a step runs. */
    private static final Duration POLL = Duration.ofMillis(200);

    private final WorkerProcess worker;

    PageRun(WorkerProcess worker) {
        this.worker = worker;
    }

    /** Runs a page in a fresh session and ends it. */
    Outcome run(PageProgram program) {
        return run(program, null, false);
    }

    /**
     * Runs a page's steps.
     *
     * @param before      what the steps the worker's open session already ran produced (they begin the program, the
     *                    same code, perhaps on other lines); null to begin the page in a fresh session
     * @param mayStayOpen leave the session open when every step completed, for steps that may follow later
     */
    Outcome run(PageProgram program, PageResult before, boolean mayStayOpen) {
        List<StepResult> results = new ArrayList<>();
        boolean recycle = false;
        if (before == null) {
            try {
                worker.beginPage();
            } catch (IOException e) {
                // the step below meets the dead worker and reports it
            }
        } else if (!continueOpen(program, before, results)) {
            return new Outcome(new PageResult(program.page(), results, false), false);
        }
        for (Step step : program.steps().subList(results.size(), program.steps().size())) {
            long t0 = System.nanoTime();
            WorkerProcess.Event event = send(step, program.timeoutFor(step));
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            if (event instanceof WorkerProcess.Done done) {
                Reply r = done.reply();
                recycle |= r.recycle();
                results.add(new StepResult(step, r.output(), r.truncated(), r.transcript(), r.value(), took,
                        Optional.ofNullable(r.failure()).map(PageRun::problem)));
                if (r.failure() != null) {
                    break;
                }
                continue;
            }
            Problem problem = event == null ? timedOut(step, program.timeoutFor(step)) : died(step, event);
            if (event == null) {
                worker.kill();
            }
            results.add(new StepResult(step, "", false, List.of(), null, took, Optional.of(problem)));
            return new Outcome(new PageResult(program.page(), results, false), false);
        }
        boolean completed = results.size() == program.steps().size() && results.stream().noneMatch(StepResult::failed);
        boolean reusable = !recycle && worker.alive();
        if (mayStayOpen && completed && reusable) {
            return new Outcome(new PageResult(program.page(), results, true), true, true);
        }
        try {
            worker.endPage();
        } catch (IOException e) {
            return new Outcome(new PageResult(program.page(), results, false), false);
        }
        return new Outcome(new PageResult(program.page(), results, completed), reusable);
    }

    /**
     * Takes the open session's results as the program's first steps' and, when the program has them on other lines,
     * tells the worker where its sources are now; false when the worker cannot be told.
     */
    private boolean continueOpen(PageProgram program, PageResult before, List<StepResult> results) {
        List<Integer> lines = new ArrayList<>();
        boolean moved = false;
        for (int i = 0; i < before.steps().size(); i++) {
            StepResult was = before.steps().get(i);
            Step now = program.steps().get(i);
            moved |= !now.equals(was.step());
            now.sources().forEach(source -> lines.add(source.line()));
            results.add(new StepResult(now, was.output(), was.truncated(), was.transcript(), was.value(), was.took(),
                    was.failure()));
        }
        if (moved) {
            try {
                worker.moved(lines);
            } catch (IOException e) {
                results.clear();
                return false;
            }
        }
        return true;
    }

    private WorkerProcess.Event send(Step step, Duration timeout) {
        try {
            worker.send(step);
        } catch (IOException e) {
            WorkerProcess.Event ended = worker.poll(Duration.ofSeconds(5));
            return ended == null ? new WorkerProcess.Ended(e.getMessage()) : ended;
        }
        return await(timeout);
    }

    /**
     * The worker's answer, or null when the step used up its limit: the limit counts the CPU time the worker (and
     * what it started) used, not the wall clock, so a step waiting for a core on a busy machine is not an endless
     * loop. A step that also uses no CPU (blocked in sleep or I/O) is stopped after {@link #BACKSTOP} times the limit.
     */
    private WorkerProcess.Event await(Duration limit) {
        long start = System.nanoTime();
        Duration cpuAtStart = worker.cpuTime();
        Duration backstop = limit.multipliedBy(BACKSTOP);
        while (true) {
            Duration wall = Duration.ofNanos(System.nanoTime() - start);
            Duration left = backstop.minus(wall);
            if (left.isNegative() || left.isZero()) {
                return null;
            }
            WorkerProcess.Event event = worker.poll(min(left, POLL));
            if (event != null) {
                return event;
            }
            wall = Duration.ofNanos(System.nanoTime() - start);
            if (wall.compareTo(limit) >= 0 && worker.cpuTime().minus(cpuAtStart).compareTo(limit) >= 0) {
                return null;
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private Problem timedOut(Step step, Duration timeout) {
        Where where = where(step);
        return Problem.at(where.path(), where.line(),
                "timed out after " + seconds(timeout) + " (an endless loop?); the page's session was stopped",
                "make the snippet finish quickly; each step of a page may take at most " + seconds(timeout));
    }

    private Problem died(Step step, WorkerProcess.Event event) {
        Where where = where(step);
        String why = event instanceof WorkerProcess.Ended ended ? ended.why() : null;
        if ("interrupted".equals(why)) {
            worker.kill();
            return Problem.at(where.path(), where.line(), "interrupted while the snippet ran; its session was stopped",
                    "the build was cancelled");
        }
        if (why != null && why.startsWith("unexpected bytes")) {
            worker.kill();
            return Problem.at(where.path(), where.line(), "the snippet wrote to the snippet JVM's protocol channel",
                    "print with System.out, not to FileDescriptor.out; " + why);
        }
        Integer exit = worker.exitCode();
        String stderr = worker.stderrTail();
        if (stderr.contains("OutOfMemoryError")) {
            return Problem.at(where.path(), where.line(), Fault.OUT_OF_MEMORY, Fault.OUT_OF_MEMORY_HINT);
        }
        String code = exit == null ? "" : " with exit code " + exit;
        String last = stderr.isBlank() ? "" : "; its last words: " + stderr.strip();
        return Problem.at(where.path(), where.line(), "the snippet ended the JVM (System.exit?)",
                "the snippet JVM exited" + code + "; remove the System.exit/Runtime.halt call" + last);
    }

    private record Where(String path, int line) {
    }

    private Where where(Step step) {
        WorkerProcess.Now now = worker.now();
        if (now != null) {
            return new Where(now.path(), now.line());
        }
        Source first = step.sources().get(0);
        return new Where(first.path(), first.line());
    }

    private static String seconds(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.US, "%.1f s", millis / 1e3);
    }

    /** The one place a worker's fault becomes a build problem. */
    static Problem problem(Fault fault) {
        return new Problem(fault.path(), fault.line(), fault.column(), fault.message(), fault.hint());
    }
}
