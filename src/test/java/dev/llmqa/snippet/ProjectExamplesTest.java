package dev.llmqa.snippet;

import dev.llmqa.snippet.pool.SharedRunner;
import dev.llmqa.snippet.pool.WorkerPool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqa.config.SiteConfig;
import dev.llmqa.content.Scan;
import dev.llmqa.problem.Problem;
import dev.llmqa.problem.Problems;
import dev.llmqa.site.Block;
import dev.llmqa.site.InlineValue;
import dev.llmqa.site.Page;
import dev.llmqa.site.Site;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * Every executable block and inline value of the project's pages is a test named {@code NN-slug.md:LINE}, so
 * {@code mvn test} and IDEs list each example and show its failure. Each page runs once, in its own session.
 */
@Tag("integration")
class ProjectExamplesTest {

    private static WorkerPool pool;

    /** As many as the pool has workers ({@code new WorkerPool()}: one per processor). */
    private static final int WORKERS = Runtime.getRuntime().availableProcessors();

    @BeforeAll
    static void start() {
        pool = new WorkerPool();
    }

    @AfterAll
    static void stop() {
        pool.close();
    }

    /**
     * The pages run side by side, one per worker JVM, from the start; each page's tests wait for its own run (one
     * after another, a page's run kept one of the two workers idle).
     */
    @TestFactory
    Stream<DynamicNode> every_example_of_every_page_runs() throws Exception {
        SiteConfig config = SiteConfig.of(Path.of("")).withCache(false);
        Problems scanProblems = new Problems();
        Site site = new Scan().run(Site.start(config), scanProblems).site();
        assertThat(scanProblems.list()).isEmpty();
        List<Page> pages = site.pages().stream()
                .filter(p -> p.blocks().stream().anyMatch(PagePlan::executes) || !p.values().isEmpty()).toList();
        ExecutorService runs = Executors.newFixedThreadPool(WORKERS);
        Map<Page, Future<List<Problem>>> problems = new LinkedHashMap<>();
        pages.forEach(page -> problems.put(page, runs.submit(() -> run(site, page))));
        runs.shutdown();
        return pages.stream().map(page -> DynamicContainer.dynamicContainer(page.path(),
                () -> tests(page, join(problems.get(page))).iterator()));
    }

    private static List<Problem> run(Site site, Page page) {
        Problems problems = new Problems();
        new SnippetExecutor(() -> new SharedRunner(pool)).execute(site.withPages(List.of(page)), problems);
        return problems.list();
    }

    private static List<Problem> join(Future<List<Problem>> run) {
        try {
            return run.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the page's run failed", e.getCause());
        }
    }

    private static Stream<DynamicNode> tests(Page page, List<Problem> found) {
        String file = Path.of(page.path()).getFileName().toString();
        List<DynamicNode> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest(file + " examples load", () -> assertThat(
                found.stream().filter(p -> !p.path().equals(page.path())).map(Problem::format)).isEmpty()));
        for (Block block : page.blocks()) {
            if (PagePlan.executes(block)) {
                int last = block.line() + (int) block.code().lines().count() + 1;
                tests.add(DynamicTest.dynamicTest(file + ":" + block.line(), () -> assertThat(found.stream()
                        .filter(p -> p.path().equals(page.path()) && p.line() >= block.line() && p.line() <= last)
                        .map(Problem::format)).isEmpty()));
            }
        }
        for (InlineValue value : page.values()) {
            tests.add(DynamicTest.dynamicTest(file + ":" + value.line() + ":" + value.column(), () -> assertThat(found.stream()
                    .filter(p -> p.path().equals(page.path()) && p.line() == value.line()).map(Problem::format)).isEmpty()));
        }
        return tests.stream();
    }
}
