package dev.llmqa.snippet.pool;

import static dev.llmqa.snippet.Pages.page;
import static dev.llmqa.snippet.Pages.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A snippet's time limit counts the CPU time its worker used, so a machine busy with other work does not make
 * honest code time out, and an endless loop is still stopped. The honest code is every snippet of the site, run
 * cold beside four busy loops for ProjectExamplesTest (dev.llmqa.ProjectSnippets: one cold run serves both).
 */
@Tag("integration")
class BusyMachineTest {

    @Test
    void an_endless_loop_is_still_stopped_with_four_busy_loops_beside_it() throws Exception {
        try (BusyLoops busy = new BusyLoops(4); WorkerPool pool = new WorkerPool(WorkerOptions.defaults(), 1)) {
            long t0 = System.nanoTime();
            PageResult result = pool.run(page("loop.md", Duration.ofSeconds(2),
                    run("content/loop.md", 3, "int n = 0;\nwhile (true) { n++; }")));
            Duration took = Duration.ofNanos(System.nanoTime() - t0);

            assertThat(result.failure().orElseThrow().format()).isEqualTo("content/loop.md:4: timed out after 2 s "
                    + "(an endless loop?); the page's session was stopped\n   hint: make the snippet finish quickly; "
                    + "each step of a page may take at most 2 s");
            // two seconds of the loop's own CPU time, which a busy machine hands out slowly; never past the backstop
            assertThat(took).isLessThan(Duration.ofSeconds(2L * PageRun.BACKSTOP + 3));
        }
    }
}
