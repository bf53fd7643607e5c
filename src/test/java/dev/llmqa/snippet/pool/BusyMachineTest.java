package dev.llmqa.snippet.pool;

import static dev.llmqa.snippet.Pages.page;
import static dev.llmqa.snippet.Pages.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqa.build.Pipeline;
import dev.llmqa.build.Progress;
import dev.llmqa.config.SiteConfig;
import dev.llmqa.execute.Executor;
import dev.llmqa.problem.Problems;
import dev.llmqa.site.Site;
import dev.llmqa.snippet.SnippetExecutor;
import dev.llmqa.snippet.Snippets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snippet's time limit counts the CPU time its worker used, so a machine busy with other work does not make
 * honest code time out, and an endless loop is still stopped.
 */
@Tag("integration")
class BusyMachineTest {

    @TempDir
    Path cache;

    /** Four threads that spin until closed: on a 2-core machine, a worker gets a third of a core at best. */
    private static final class BusyLoops implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();

        BusyLoops(int count) {
            for (int i = 0; i < count; i++) {
                Thread thread = new Thread(() -> {
                    long n = 0;
                    while (running.get()) {
                        n++;
                    }
                    if (n == 42) {
                        System.out.print("");
                    }
                }, "busy-loop-" + i);
                thread.setDaemon(true);
                thread.start();
                threads.add(thread);
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join();
            }
        }
    }

    /**
     * Every snippet of the site, cold: new worker JVMs, no cache. (Only the snippet stage: KaTeX and highlight.js in
     * this JVM, beside four busy loops, would take minutes and test nothing about time limits.)
     */
    @Test
    void a_cold_run_of_the_sites_snippets_passes_with_four_busy_loops_beside_it() throws Exception {
        SiteConfig config = SiteConfig.of(Path.of("")).withCacheFolder(cache).withCache(false);
        Site site = Pipeline.scan(config, Progress.SILENT);
        Problems problems = new Problems();
        Executor.Done<Snippets> done;
        try (BusyLoops busy = new BusyLoops(4)) {
            done = new SnippetExecutor(c -> new WorkerPool(c.settings().sandbox(), c.settings().path()))
                    .execute(site, problems);
        }

        assertThat(problems.list()).isEmpty();
        assertThat(done.summary()).matches("1\\d pages ran .*, 0 from cache; slowest: .*");
        assertThat(done.results().printed()).isNotEmpty();
    }

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
