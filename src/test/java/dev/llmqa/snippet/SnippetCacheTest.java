package dev.llmqa.snippet;

import static dev.llmqa.snippet.Pages.load;
import static dev.llmqa.snippet.Pages.page;
import static dev.llmqa.snippet.Pages.run;
import static dev.llmqa.snippet.Pages.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqa.snippet.pool.PageProgram;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a page's cache key holds: everything its session evaluates, in order, but not the lines it is on. */
class SnippetCacheTest {

    private static final PageProgram PAGE = page("content/p.md", load("examples/p.jsh", 1, "int f() { return 1; }\n"),
            run("content/p.md", 10, "System.out.println(f());\n"), value("content/p.md", 14, "f() + 1"));

    @Test
    void the_same_code_on_other_lines_has_the_same_key() {
        PageProgram moved = page("content/p.md", load("examples/p.jsh", 3, "int f() { return 1; }\n"),
                run("content/p.md", 12, "System.out.println(f());\n"), value("content/p.md", 30, "f() + 1"));

        assertThat(SnippetCache.key(moved)).isEqualTo(SnippetCache.key(PAGE));
    }

    /** The page with one part replaced: the example file's path and code, and the block's step. */
    private static PageProgram with(String example, String code, dev.llmqa.snippet.wire.Step block) {
        return page("content/p.md", load(example, 1, code), block, value("content/p.md", 14, "f() + 1"));
    }

    @Test
    void code_order_kind_file_page_and_limits_change_the_key() {
        String key = SnippetCache.key(PAGE);
        String file = "examples/p.jsh";
        String code = "int f() { return 1; }\n";
        String print = "System.out.println(f());\n";

        assertThat(SnippetCache.key(with(file, code, run("content/p.md", 10, print)))).as("the same").isEqualTo(key);
        assertThat(SnippetCache.key(with(file, "int f() { return 2; }\n", run("content/p.md", 10, print)))).as("code")
                .isNotEqualTo(key);
        assertThat(SnippetCache.key(with(file, code, load("content/p.md", 10, print)))).as("kind of step")
                .isNotEqualTo(key);
        assertThat(SnippetCache.key(with("examples/q.jsh", code, run("content/p.md", 10, print)))).as("file")
                .isNotEqualTo(key);
        assertThat(SnippetCache.key(page("content/p.md", PAGE.steps().get(0), PAGE.steps().get(2), PAGE.steps().get(1))))
                .as("order").isNotEqualTo(key);
        assertThat(SnippetCache.key(new PageProgram("content/q.md", PAGE.steps()))).as("page").isNotEqualTo(key);
        assertThat(SnippetCache.key(new PageProgram("content/p.md", PAGE.steps(), Duration.ofSeconds(30))))
                .as("time limit").isNotEqualTo(key);
    }
}
