package dev.llmqa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqa.Fixtures;
import dev.llmqa.WarmTools;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class NewCommandTest {

    @RegisterExtension
    static final WarmTools TOOLS = WarmTools.shared();

    @TempDir
    Path root;

    private int run(StringWriter out, StringWriter err, String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), TOOLS.kept());
    }

    @Test
    void new_scaffolds_the_next_question_and_it_checks_green_at_once() {
        Fixtures.copy("basic", root);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(run(out, err, "new", "--root", root.toString(), "What is beam search, and when does it help?")).isZero();
        assertThat(out.toString()).contains("created content/questions/04-beam-search-when-help.md (order=4)")
                .contains("created examples/04-beam-search-when-help.jsh");
        assertThat(root.resolve("content/questions/04-beam-search-when-help.md")).content()
                .startsWith("title=What is beam search, and when does it help?\ntype=question\nstatus=published\norder=4\n");

        StringWriter checkOut = new StringWriter();
        StringWriter checkErr = new StringWriter();
        assertThat(run(checkOut, checkErr, "check", "--root", root.toString())).as(checkErr.toString()).isZero();
    }

    @Test
    void new_refuses_to_overwrite_an_existing_file() {
        Fixtures.copy("basic", root);
        Fixtures.write(root.resolve("examples/04-beam-search.jsh"), "// someone's work\n");
        StringWriter err = new StringWriter();
        assertThat(run(new StringWriter(), err, "new", "--root", root.toString(), "Beam search?")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("new failed: examples/04-beam-search.jsh already exists" + System.lineSeparator());
        assertThat(root.resolve("examples/04-beam-search.jsh")).content().isEqualTo("// someone's work\n");
    }

    @Test
    void new_refuses_a_question_whose_page_name_exists() {
        Fixtures.copy("basic", root);
        StringWriter err = new StringWriter();
        assertThat(run(new StringWriter(), err, "new", "--root", root.toString(), "What is the second?")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("new failed: a page named 'second' exists already: "
                + "content/questions/02-second.md; edit that page, or word the title differently" + System.lineSeparator());
        assertThat(root.resolve("content/questions/04-second.md")).doesNotExist();
    }
}
