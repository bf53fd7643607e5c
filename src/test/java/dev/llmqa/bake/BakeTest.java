package dev.llmqa.bake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmqa.Fixtures;
import dev.llmqa.WarmTools;
import dev.llmqa.build.Pipeline;
import dev.llmqa.build.Progress;
import dev.llmqa.config.SiteConfig;
import dev.llmqa.problem.BuildFailed;
import dev.llmqa.problem.Problem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class BakeTest {

    @RegisterExtension
    static final WarmTools TOOLS = WarmTools.shared();

    @TempDir
    Path root;

    private List<Problem> failure() {
        BuildFailed failed = (BuildFailed) org.assertj.core.api.Assertions.catchThrowable(
                () -> Pipeline.standard(false, Progress.SILENT, TOOLS.kept()).run(SiteConfig.of(root)));
        assertThat(failed).isNotNull();
        return failed.problems();
    }

    @Test
    void a_template_syntax_error_names_template_line_and_column() {
        Fixtures.copy("basic", root);
        Fixtures.write(root.resolve("templates/page.ftl"), "<#import \"_frame.ftl\" as f>\n<@f.page>\n${content.title?nosuch}</@f.page>");
        assertThat(failure()).extracting(Problem::location, Problem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("templates/page.ftl:3:17", "template error: Unknown built-in: \"nosuch\"."));
    }

    @Test
    void a_missing_value_in_a_template_names_its_line() {
        Fixtures.copy("basic", root);
        Fixtures.write(root.resolve("templates/page.ftl"), "<#import \"_frame.ftl\" as f>\n<@f.page>\n\n${content.nope}</@f.page>");
        assertThat(failure()).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("templates/page.ftl:4:3");
            assertThat(p.message()).startsWith("template error: ").contains("content.nope");
        });
    }

    @Test
    void a_template_that_renders_nothing_is_a_problem_at_each_of_its_pages() {
        Fixtures.copy("basic", root);
        Fixtures.write(root.resolve("templates/page.ftl"), "");
        assertThat(failure()).extracting(Problem::location, Problem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("content/about.md:1", "its page about.html is empty"));
    }

    @Test
    void markdown_renders_tables_footnotes_admonitions_and_keeps_soft_breaks() throws Exception {
        Fixtures.copy("basic", root);
        Pipeline.standard(true, Progress.SILENT, TOOLS.kept()).run(SiteConfig.of(root));
        String page = java.nio.file.Files.readString(root.resolve("site/questions/01-first.html"));
        assertThat(page).contains("<h2 id=\"a-section\"><a href=\"#a-section\" class=\"anchor\">A section</a></h2>", "class=\"footnote-ref\"", "adm-block", "Line one\nline two",
                "<code class=\"language-java hljs\"><span class=\"hljs-type\">int</span> <span class=\"hljs-variable\">x</span>");
        assertThat(java.nio.file.Files.readString(root.resolve("site/about.html")))
                .contains("<table", "<del>strike</del>", "<a href=\"https://example.org\">");
        assertThat(root.resolve("site/site.css")).isNotEmptyFile();
        assertThat(root.resolve("site/questions/03-draft.html")).doesNotExist();
    }
}
