package dev.llmqa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqa.problem.Problem;
import org.junit.jupiter.api.Test;

class ConsoleTest {

    @Test
    void a_problem_becomes_a_github_annotation_on_its_file_and_line() {
        assertThat(Console.annotation("error", new Problem("content/questions/08-kv-cache.md", 12, 9,
                "compile error: cannot find symbol\nvariable x", "Define it first.")))
                .isEqualTo("::error file=content/questions/08-kv-cache.md,line=12,col=9::"
                        + "compile error: cannot find symbol%0Avariable x (Define it first.)");
    }

    @Test
    void a_whole_file_problem_has_no_line() {
        assertThat(Console.annotation("warning", Problem.at("content/a.md", 0, "100% wrong", "")))
                .isEqualTo("::warning file=content/a.md::100%25 wrong");
    }
}
