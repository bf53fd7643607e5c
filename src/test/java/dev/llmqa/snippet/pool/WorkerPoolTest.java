package dev.llmqa.snippet.pool;

import static dev.llmqa.snippet.Pages.load;
import static dev.llmqa.snippet.Pages.page;
import static dev.llmqa.snippet.Pages.run;
import static dev.llmqa.snippet.Pages.value;

import static dev.llmqa.snippet.Pages.load;
import static dev.llmqa.snippet.Pages.page;
import static dev.llmqa.snippet.Pages.run;
import static dev.llmqa.snippet.Pages.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqa.problem.Problem;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Runs pages on real worker JVMs. */
@Tag("integration")
class WorkerPoolTest {

    private static WorkerPool pool;

    @BeforeAll
    static void startPool() {
        pool = new WorkerPool(WorkerOptions.defaults(), 2);
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    private static Problem failureOf(PageResult result) {
        assertThat(result.completed()).isFalse();
        return result.failure().orElseThrow();
    }

    @Test
    void run_step_captures_printed_output() {
        PageResult result = pool.run(page("p.md", run("content/p.md", 10,
                "var xs = List.of(1, 2, 3);\nSystem.out.println(xs);\nSystem.err.println(\"warn\");\n")));

        assertThat(result.completed()).isTrue();
        assertThat(result.steps().get(0).output()).isEqualTo("[1, 2, 3]\nwarn\n");
    }

    @Test
    void load_step_discards_output_and_defines_for_later_steps() {
        PageResult result = pool.run(page("p.md",
                load("examples/kv.jsh", 1, "long kv(int layers) {\n  System.out.println(\"noise\");\n  return 2L * layers;\n}\n"),
                run("content/p.md", 20, "System.out.println(kv(32));")));

        assertThat(result.completed()).isTrue();
        assertThat(result.steps().get(0).output()).isEmpty();
        assertThat(result.steps().get(1).output()).isEqualTo("noise\n64\n");
    }

    @Test
    void snippets_compile_against_the_jdk_not_the_tools_own_classes_as_in_the_jshell_tool() {
        PageResult result = pool.run(page("p.md", run("content/p.md", 3,
                "int magic = dev.llmqa.snippet.wire.Wire.MAGIC;\n")));

        Problem problem = failureOf(result);
        assertThat(problem.location()).isEqualTo("content/p.md:3:13");
        assertThat(problem.message()).isEqualTo("compile error: package dev.llmqa.snippet.wire does not exist");
    }

    @Test
    void compile_error_reports_file_line() {
        PageResult result = pool.run(page("q.md", run("content/q.md", 40,
                "int layers = 32;\n\n// the cache\nlong bytes = 2L * layers * kvCache;\n")));

        Problem problem = failureOf(result);
        assertThat(problem.location()).isEqualTo("content/q.md:43:28");
        assertThat(problem.message()).isEqualTo("compile error: cannot find symbol: variable kvCache");
        assertThat(problem.hint()).contains("fresh JShell session");
    }

    @Test
    void syntax_error_in_later_snippet_reports_its_line() {
        PageResult result = pool.run(page("q.md", run("content/q.md", 5, "int a = 1;\n\n\nint b = 2 +;\n")));

        Problem problem = failureOf(result);
        assertThat(problem.location()).isEqualTo("content/q.md:8:12");
        assertThat(problem.message()).startsWith("compile error: illegal start of expression");
    }

    @Test
    void exception_reports_file_line_of_throwing_snippet() {
        PageResult result = pool.run(page("q.md", run("content/08-kv-cache.md", 30, """
                long expected = 41943040000L;
                long got = 20971520000L;
                if (got != expected) {
                    throw new IllegalStateException("08-kv-cache: expected " + expected + " but got " + got);
                }
                """)));

        Problem problem = failureOf(result);
        assertThat(problem.format()).startsWith("content/08-kv-cache.md:33: "
                + "IllegalStateException: 08-kv-cache: expected 41943040000 but got 20971520000");
    }

    @Test
    void exception_in_a_loaded_method_reports_the_call_line_in_the_page() {
        PageResult result = pool.run(page("q.md",
                load("examples/check.jsh", 1, "void check(boolean ok) {\n    if (!ok) throw new IllegalStateException(\"nope\");\n}\n"),
                run("content/q.md", 50, "int x = 1;\ncheck(x == 2);\n")));

        Problem problem = failureOf(result);
        assertThat(problem.location()).isEqualTo("content/q.md:51");
        assertThat(problem.message()).isEqualTo("IllegalStateException: nope");
        assertThat(problem.hint()).isEqualTo("thrown at check (examples/check.jsh:2), called at (content/q.md:51)");
    }

    @Test
    void unresolved_reference_is_a_failure_at_the_line_using_it() {
        PageResult result = pool.run(page("q.md", run("content/q.md", 12,
                "int f() {\n    return undefinedThing + 1;\n}\n")));

        Problem problem = failureOf(result);
        assertThat(problem.location()).isEqualTo("content/q.md:13");
        assertThat(problem.message())
                .isEqualTo("compile error: cannot find symbol: variable undefinedThing (used by method f())");
    }

    @Test
    void a_method_may_call_one_declared_further_down() {
        PageResult result = pool.run(page("q.md", load("examples/order.jsh", 1,
                "long total() { return part() * 2; }\nlong part() { return 21; }\n"),
                value("q.md", 9, "total()")));

        assertThat(result.completed()).as("%s", result.failure()).isTrue();
        assertThat(result.steps().get(1).value()).isEqualTo("42");
    }

    @Test
    void calling_a_method_before_what_it_needs_is_declared_fails_at_the_call() {
        PageResult result = pool.run(page("q.md", run("content/q.md", 3,
                "long total() { return part() * 2; }\nSystem.out.println(total());\nlong part() { return 21; }\n")));

        Problem problem = failureOf(result);
        assertThat(problem.location()).isEqualTo("content/q.md:4");
        assertThat(problem.message()).isEqualTo("compile error: cannot find symbol: method part() (used by method total())");
        assertThat(problem.hint()).startsWith("It is missing at content/q.md:3. Define it");
    }

    @Test
    void first_failing_step_stops_the_page() {
        PageResult result = pool.run(page("q.md",
                run("a.md", 1, "System.out.println(1);"),
                run("a.md", 5, "throw new RuntimeException(\"stop\");"),
                run("a.md", 9, "System.out.println(3);")));

        assertThat(result.completed()).isFalse();
        assertThat(result.steps()).hasSize(2);
        assertThat(result.steps().get(1).failure().orElseThrow().message()).isEqualTo("RuntimeException: stop");
    }

    @Test
    void fresh_session_per_page() {
        PageResult first = pool.run(page("one.md", run("one.md", 1, "int secret = 42;")));
        PageResult second = pool.run(page("two.md", run("two.md", 1, "System.out.println(secret);")));
        PageResult third = pool.run(page("three.md", run("three.md", 1, "System.out.println(secret);")));

        assertThat(first.completed()).isTrue();
        assertThat(failureOf(second).message()).isEqualTo("compile error: cannot find symbol: variable secret");
        assertThat(failureOf(third).message()).isEqualTo("compile error: cannot find symbol: variable secret");
    }

    @Test
    void a_page_cannot_spoil_the_next_one() {
        WorkerPool single = new WorkerPool(WorkerOptions.defaults(), 1);
        try (single) {
            String userName = single.run(page("before.md", value("before.md", 1, "System.getProperty(\"user.name\")")))
                    .steps().get(0).value();
            PageResult spoiler = single.run(page("spoil.md", run("spoil.md", 1, """
                    Locale.setDefault(Locale.GERMANY);
                    System.setProperty("user.name", "spoiled");
                    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
                    pool.submit(() -> 1);
                    System.out.close();
                    """)));
            PageResult next = single.run(page("next.md", run("next.md", 1,
                    "System.out.println(String.format(\"%.1f\", 1.5) + \" \" + System.getProperty(\"user.name\"));")));

            assertThat(spoiler.completed()).isTrue();
            assertThat(next.steps().get(0).output()).isEqualTo("1.5 " + userName + "\n");
        }
    }

    @Test
    void default_imports_are_there() {
        PageResult result = pool.run(page("p.md", run("p.md", 1,
                "System.out.println(new BigDecimal(\"1.5\").add(BigDecimal.ONE) + \" \" + Stream.of(1, 2).count()"
                        + " + \" \" + Pattern.matches(\"a+\", \"aa\") + \" \" + Path.of(\"x\"));")));

        assertThat(result.steps().get(0).output()).isEqualTo("2.5 2 true x\n");
    }

    @Test
    void inline_string_value_is_unquoted() {
        PageResult result = pool.run(page("p.md",
                run("p.md", 1, "String name = \"KV \\\"cache\\\"\\tsize\";"),
                value("p.md", 3, "name"),
                value("p.md", 4, "name.length() * 2"),
                value("p.md", 5, "\"a\" + \"\\n\" + 1;"),
                value("p.md", 6, "0.1 + 0.2"),
                value("p.md", 7, "'c'")));

        assertThat(result.completed()).isTrue();
        assertThat(result.steps().subList(1, 6)).extracting(StepResult::value)
                .containsExactly("KV \"cache\"\tsize", "30", "a\n1", "0.30000000000000004", "'c'");
    }

    @Test
    void inline_value_that_is_not_an_expression_fails() {
        PageResult result = pool.run(page("p.md", value("p.md", 3, "int x = 3;")));

        Problem problem = failureOf(result);
        assertThat(problem.message()).startsWith("compile error: ");
        assertThat(problem.hint()).startsWith("An inline value must be one Java expression");
    }

    @Test
    void system_exit_is_reported_and_the_worker_replaced() {
        PageResult result = pool.run(page("bye.md", run("content/bye.md", 7, "System.out.println(1);\nSystem.exit(3);")));

        Problem problem = failureOf(result);
        assertThat(problem.location()).isEqualTo("content/bye.md:8");
        assertThat(problem.message()).isEqualTo("the snippet ended the JVM (System.exit?)");
        assertThat(problem.hint()).contains("exit code 3");
        for (int i = 0; i < 3; i++) {
            assertThat(pool.run(page("next.md", run("next.md", 1, "System.out.println(2);"))).completed()).isTrue();
        }
    }

    @Test
    void endless_loop_times_out_and_later_pages_run() {
        long t0 = System.nanoTime();
        PageResult result = pool.run(page("loop.md", Duration.ofSeconds(2),
                run("content/loop.md", 3, "int n = 0;\nwhile (true) { n++; }")));

        Problem problem = failureOf(result);
        // the limit counts the loop's CPU time; on a busy machine it gets less than a core, but never past the backstop
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2L * PageRun.BACKSTOP + 2));
        assertThat(problem.location()).isEqualTo("content/loop.md:4");
        assertThat(problem.message()).isEqualTo("timed out after 2 s (an endless loop?); the page's session was stopped");
        assertThat(pool.run(page("next.md", run("next.md", 1, "System.out.println(2);"))).completed()).isTrue();
    }

    /**
     * A process that waits as long as its stdin is open, which needs only the JDK (the sandbox has no sleep): the
     * source launcher reading its program from stdin. The marker property finds it among the host's processes.
     */
    static final String SLEEPER = "new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "
            + "\"-Dllmqa.test.sleeper=%s\", \"-Xshare:auto\", \"-XX:TieredStopAtLevel=1\", \"-Xmx32m\", "
            + "\"--source\", \"17\", \"/dev/stdin\").start()";

    static boolean sleeperRuns(String marker) {
        return ProcessHandle.allProcesses().anyMatch(p -> p.info().arguments()
                .map(a -> List.of(a).contains("-Dllmqa.test.sleeper=" + marker)).orElse(false));
    }

    @Test
    void timeout_also_kills_processes_the_snippet_started() {
        PageResult result = pool.run(page("spawn.md", Duration.ofSeconds(2), run("spawn.md", 1,
                "var sleeper = " + SLEEPER.formatted("timeout") + ";\nwhile (true) Thread.onSpinWait();")));

        assertThat(failureOf(result).message()).startsWith("timed out after 2 s");
        assertThat(sleeperRuns("timeout")).isFalse();
    }

    @Test
    void megabyte_of_output_is_truncated() {
        PageResult result = pool.run(page("big.md", run("big.md", 1, """
                String line = "x".repeat(1023);
                for (int i = 0; i < 1024 + 64; i++) System.out.println(line);
                """)));

        StepResult step = result.steps().get(0);
        assertThat(result.completed()).isTrue();
        assertThat(step.truncated()).isTrue();
        assertThat(step.output()).startsWith("xxx")
                .endsWith("x\n… output truncated: 1,048,576 more bytes\n")
                .hasSize(64 * 1024 + "… output truncated: 1,048,576 more bytes\n".length());
    }

    @Test
    void output_is_capped_inside_the_worker_so_the_host_keeps_its_memory() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long usedBefore = rt.totalMemory() - rt.freeMemory();
        PageResult result = pool.run(page("huge.md", run("huge.md", 1, """
                String line = "x".repeat(1023);
                for (int i = 0; i < 1024 * 256; i++) System.out.println(line);
                """)));

        assertThat(result.steps().get(0).output()).endsWith("… output truncated: 268,369,920 more bytes\n");
        long usedAfter = rt.totalMemory() - rt.freeMemory();
        assertThat(usedAfter - usedBefore).isLessThan(32L * 1024 * 1024);
    }

    @Test
    void out_of_memory_is_reported() {
        PageResult result = pool.run(page("oom.md", run("oom.md", 2,
                "var hog = new ArrayList<long[]>();\nwhile (true) hog.add(new long[1 << 20]);")));

        Problem problem = failureOf(result);
        assertThat(problem.message()).isEqualTo("ran out of memory (the snippet JVM has -Xmx256m)");
        assertThat(problem.line()).isEqualTo(3);
        assertThat(pool.run(page("next.md", run("next.md", 1, "System.out.println(2);"))).completed()).isTrue();
    }

    @Test
    void pages_run_in_parallel() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<PageResult>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int n = i;
                futures.add(threads.submit(() -> pool.run(page("p" + n + ".md",
                        run("p" + n + ".md", 1, "int n = " + n + ";\nThread.sleep(300);\nSystem.out.println(n * n);")))));
            }
            for (int i = 0; i < 6; i++) {
                PageResult r = futures.get(i).get();
                assertThat(r.completed()).isTrue();
                assertThat(r.steps().get(0).output()).isEqualTo(i * i + "\n");
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void no_process_left_after_close() {
        WorkerPool own = new WorkerPool(WorkerOptions.defaults(), 2);
        own.run(page("p.md", run("p.md", 1, "var child = " + SLEEPER.formatted("close") + ";")));
        // that page's worker is retired (it left a process); a second page waits for a worker that is up, so there
        // is one to look for however slowly the others start
        own.run(page("q.md", run("q.md", 1, "int x = 1;")));
        List<Long> pids = own.pids();
        assertThat(ProcessHandle.current().descendants().filter(p -> pids.contains(p.pid()))).isNotEmpty();

        own.close();

        assertThat(ProcessHandle.current().descendants().map(ProcessHandle::pid).filter(pids::contains)).isEmpty();
        assertThat(sleeperRuns("close")).isFalse();
    }
}
