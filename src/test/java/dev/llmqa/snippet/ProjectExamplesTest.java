package dev.llmqa.snippet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqa.ProjectSnippets;
import dev.llmqa.example.ExampleFiles;
import dev.llmqa.problem.Problem;
import dev.llmqa.problem.Problems;
import dev.llmqa.site.Block;
import dev.llmqa.site.InlineValue;
import dev.llmqa.site.Page;
import dev.llmqa.site.Site;
import dev.llmqa.site.Spot;
import dev.llmqa.snippet.pool.PageProgram;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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
 * <p>The pages run cold, with four busy loops beside them ({@link ProjectSnippets}: once per test run, in whichever
 * test JVM needs it first). A snippet's time limit counts the CPU time its worker used, so a busy machine must not
 * make honest code time out (BusyMachineTest checks that an endless loop is still stopped). This one cold run of
 * every snippet was three in a fresh clone: this class's, BusyMachineTest's and the project site's (38, 59 and about
 * 30 s of CPU).
 */
@Tag("integration")
class ProjectExamplesTest {

    private static Site site;
    private static CompletableFuture<ProjectSnippets.Run> run;

    @BeforeAll
    static void startTheColdRun() throws Exception {
        site = ProjectSnippets.scan();
        run = CompletableFuture.supplyAsync(() -> {
            try {
                return ProjectSnippets.run();
            } catch (Exception e) {
                throw new IllegalStateException("the cold run of the project's snippets failed", e);
            }
        });
    }

    private static Stream<Problem> found() throws Exception {
        return run.get().problems().stream();
    }

    @Test
    void a_cold_run_of_the_sites_snippets_passes_with_four_busy_loops_beside_it() throws Exception {
        assertThat(found().map(Problem::format)).isEmpty();
        assertThat(run.get().summary()).matches("1\\d pages ran .*, 0 from cache; slowest: .*");
        assertThat(run.get().printed()).isPositive();
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
