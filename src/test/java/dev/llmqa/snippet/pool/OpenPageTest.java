package dev.llmqa.snippet.pool;

import static dev.llmqa.snippet.Pages.page;
import static dev.llmqa.snippet.Pages.run;
import static dev.llmqa.snippet.Pages.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqa.snippet.wire.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/**
 * A pool that keeps the last page's session open (the preview server's) runs only the steps added at the end of
 * that page (its code perhaps moved to other lines), and gives what a fresh session gives; anything else runs the
 * page afresh.
 */
@Tag("integration")
class OpenPageTest {

    private static WorkerPool open;
    private static WorkerPool fresh;

    /** A first step whose output differs in every session that runs it: it shows whether the step ran again. */
    private static final Step.Run MARK = run("content/p.md", 3,
            "var mark = java.util.UUID.randomUUID();\nint counter = 0;\nSystem.out.println(mark);\n");
    private static final Step.Run COUNT = run("content/p.md", 9, "System.out.println(++counter);\n");

    @BeforeAll
    static void startPools() {
        open = new WorkerPool(WorkerOptions.defaults(), 1);
        open.keepLastPageOpen();
        fresh = new WorkerPool(WorkerOptions.defaults(), 1);
    }

    @AfterAll
    static void closePools() {
        open.close();
        fresh.close();
    }

    private static PageResult first(WorkerPool pool) {
        PageResult result = pool.run(page("p.md", MARK));
        assertThat(result.completed()).isTrue();
        return result;
    }

    private static List<String> outputs(PageResult result) {
        List<String> out = new ArrayList<>();
        result.steps().forEach(step -> out.add(step.output() + (step.value() == null ? "" : "=" + step.value())));
        return out;
    }

    @Test
    void steps_added_at_the_end_run_in_the_open_session_and_print_what_a_fresh_session_prints() {
        String mark = first(open).steps().get(0).output();

        PageResult more = open.run(page("p.md", MARK, COUNT));
        PageResult again = open.run(page("p.md", MARK, COUNT, COUNT, value("content/p.md", 12, "counter * 10")));
        PageResult clean = fresh.run(page("p.md", MARK, COUNT, COUNT, value("content/p.md", 12, "counter * 10")));

        assertThat(more.completed()).isTrue();
        assertThat(outputs(more)).as("the first step did not run again").containsExactly(mark, "1\n");
        assertThat(again.completed()).isTrue();
        assertThat(outputs(again)).containsExactly(mark, "1\n", "2\n", "=20");
        assertThat(outputs(clean).subList(1, 4)).as("a fresh session").isEqualTo(outputs(again).subList(1, 4));
        assertThat(again.steps().get(3).step()).isEqualTo(clean.steps().get(3).step());
    }

    @Test
    void changed_code_before_the_end_another_page_or_other_limits_run_the_page_afresh() {
        String mark = first(open).steps().get(0).output();
        PageResult changed = open.run(page("p.md", run("content/p.md", 3, MARK.source().code() + "// changed\n"), COUNT));
        assertThat(changed.steps().get(0).output()).as("a step's code changed").isNotEqualTo(mark);

        mark = first(open).steps().get(0).output();
        PageResult other = open.run(page("q.md", MARK, COUNT));
        assertThat(other.steps().get(0).output()).as("another page").isNotEqualTo(mark);
        assertThat(outputs(other).get(1)).isEqualTo("1\n");

        mark = first(open).steps().get(0).output();
        PageResult slower = open.run(page("p.md", Duration.ofSeconds(30), MARK, COUNT));
        assertThat(slower.steps().get(0).output()).as("another time limit").isNotEqualTo(mark);
    }

    @Test
    void a_page_that_failed_is_not_continued() {
        PageResult failed = open.run(page("p.md", MARK, run("content/p.md", 9, "counter += 1;\nthrow new RuntimeException(\"x\");\n")));
        assertThat(failed.completed()).isFalse();

        PageResult next = open.run(page("p.md", MARK, run("content/p.md", 9, "counter += 1;\nthrow new RuntimeException(\"x\");\n"), COUNT));

        assertThat(next.steps().get(0).output()).isNotEqualTo(failed.steps().get(0).output());
        assertThat(next.completed()).isFalse();
    }

    private static Step.Run at(int line, Step.Run step) {
        return run(step.source().path(), line, step.source().code());
    }

    private static final Step.Run BOOM = run("content/p.md", 7,
            "int boom(int x) {\n    if (x > 0) throw new IllegalStateException(\"boom\");\n    return x;\n}\n");

    @Test
    void code_moved_down_by_a_paragraph_still_continues_and_failures_name_the_new_lines() {
        String mark = open.run(page("p.md", MARK, BOOM)).steps().get(0).output();

        PageResult moved = open.run(page("p.md", at(5, MARK), at(9, BOOM),
                run("content/p.md", 20, "System.out.println(boom(0) + ++counter);\n")));
        assertThat(outputs(moved)).as("continued").containsExactly(mark, "", "1\n");
        assertThat(moved.steps().get(1).step()).isEqualTo(at(9, BOOM));

        PageProgram failing = page("p.md", at(6, MARK), at(12, BOOM),
                run("content/p.md", 20, "System.out.println(boom(0) + ++counter);\n"),
                run("content/p.md", 30, "boom(1);\n"));
        PageResult continued = open.run(failing);
        PageResult clean = fresh.run(failing);

        assertThat(continued.steps().get(0).output()).as("continued").isEqualTo(mark);
        assertThat(clean.steps().get(0).output()).isNotEqualTo(mark);
        assertThat(continued.failure()).isPresent();
        assertThat(continued.failure().get().location()).as("where boom throws, on its new line")
                .isEqualTo(clean.failure().get().location()).isEqualTo("content/p.md:13");
        assertThat(continued.failure().get().message()).isEqualTo(clean.failure().get().message());
    }
}
