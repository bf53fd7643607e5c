package dev.llmqa.snippet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqa.ProjectSite;
import dev.llmqa.config.SiteConfig;
import dev.llmqa.content.Scan;
import dev.llmqa.example.ExampleFiles;
import dev.llmqa.execute.Executor;
import dev.llmqa.problem.Problem;
import dev.llmqa.problem.Problems;
import dev.llmqa.site.Block;
import dev.llmqa.site.InlineValue;
import dev.llmqa.site.Page;
import dev.llmqa.site.Site;
import dev.llmqa.site.Spot;
import dev.llmqa.snippet.pool.BusyLoops;
import dev.llmqa.snippet.pool.PageProgram;
import dev.llmqa.snippet.pool.WorkerPool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every executable block and inline value of the project's pages is a test named {@code NN-slug.md:LINE}, so
 * {@code mvn test} and IDEs list each example and show its failure. Each page runs once, in its own session.
 *
 * <p>The pages run as a build runs them (the snippet stage alone), cold: new worker JVMs, nothing read from the
 * cache, with four busy loops beside them. A snippet's time limit counts the CPU time its worker used, so a busy
 * machine must not make honest code time out (BusyMachineTest checks that an endless loop is still stopped). This
 * one cold run of every snippet was two (this class's and BusyMachineTest's, 38 and 59 s of CPU). Its results are
 * stored in the project's cache, as {@code --no-cache} stores them, while the project site is not being built
 * ({@link ProjectSite#locked}): a fresh clone's project site, built after it, finds them there.
 */
@Tag("integration")
class ProjectExamplesTest {

    private static Site site;
    private static CompletableFuture<Run> run;

    private record Run(List<Problem> problems, Executor.Done<Snippets> done) {
    }

    @BeforeAll
    static void startTheColdRun() throws Exception {
        SiteConfig config = SiteConfig.of(Path.of("")).withCache(false);
        Problems scanProblems = new Problems();
        site = new Scan().run(Site.start(config), scanProblems).site();
        assertThat(scanProblems.list()).isEmpty();
        run = CompletableFuture.supplyAsync(() -> {
            try {
                return ProjectSite.locked(() -> {
                    Problems problems = new Problems();
                    try (BusyLoops busy = new BusyLoops(4)) {
                        Executor.Done<Snippets> done = new SnippetExecutor(c -> new WorkerPool(c.settings().sandbox(),
                                c.settings().path())).execute(site, problems);
                        return new Run(problems.list(), done);
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException("the cold run failed", e);
            }
        });
    }

    private static Run run() throws InterruptedException, ExecutionException {
        return run.get();
    }

    @Test
    void a_cold_run_of_the_sites_snippets_passes_with_four_busy_loops_beside_it() throws Exception {
        assertThat(run().problems()).extracting(Problem::format).isEmpty();
        assertThat(run().done().summary()).matches("1\\d pages ran .*, 0 from cache; slowest: .*");
        assertThat(run().done().results().printed()).isNotEmpty();
    }

    @TestFactory
    Stream<DynamicNode> every_example_of_every_page_runs() {
        ExampleFiles examples = new ExampleFiles(site.config().examples());
        List<Page> pages = site.pages().stream()
                .filter(p -> p.blocks().stream().anyMatch(PagePlan::executes) || !p.values().isEmpty()).toList();
        return pages.stream().map(page -> DynamicContainer.dynamicContainer(page.path(),
                () -> tests(page, loaded(page, examples)).iterator()));
    }

    /** The example files the page's session loads (their problems are the page's too). */
    private static Set<String> loaded(Page page, ExampleFiles examples) {
        return PagePlan.of(page, examples, PageProgram.DEFAULT_TIMEOUT, new Problems()).map(PagePlan::spots)
                .orElse(List.of()).stream().map(Spot::path).filter(p -> !p.equals(page.path())).collect(Collectors.toSet());
    }

    private static Stream<Problem> found() throws Exception {
        return run().problems().stream();
    }

    private static Stream<DynamicNode> tests(Page page, Set<String> loaded) {
        String file = Path.of(page.path()).getFileName().toString();
        List<DynamicNode> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest(file + " examples load", () -> assertThat(
                found().filter(p -> loaded.contains(p.path())).map(Problem::format)).isEmpty()));
        for (Block block : page.blocks()) {
            if (PagePlan.executes(block)) {
                int last = block.line() + (int) block.code().lines().count() + 1;
                tests.add(DynamicTest.dynamicTest(file + ":" + block.line(), () -> assertThat(found()
                        .filter(p -> p.path().equals(page.path()) && p.line() >= block.line() && p.line() <= last)
                        .map(Problem::format)).isEmpty()));
            }
        }
        for (InlineValue value : page.values()) {
            tests.add(DynamicTest.dynamicTest(file + ":" + value.line() + ":" + value.column(), () -> assertThat(found()
                    .filter(p -> p.path().equals(page.path()) && p.line() == value.line()).map(Problem::format)).isEmpty()));
        }
        return tests.stream();
    }
}
