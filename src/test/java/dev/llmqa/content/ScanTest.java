package dev.llmqa.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqa.Fixtures;
import dev.llmqa.config.SiteConfig;
import dev.llmqa.problem.Problem;
import dev.llmqa.problem.Problems;
import dev.llmqa.site.Block;
import dev.llmqa.site.Page;
import dev.llmqa.site.Site;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanTest {

    @TempDir
    Path root;

    private Site scan(Problems problems) throws IOException {
        return new Scan().run(Site.start(SiteConfig.of(root)), problems).site();
    }

    @Test
    void blocks_carry_the_line_of_their_fence_in_the_md_file() throws IOException {
        Fixtures.copy("basic", root);
        Problems problems = new Problems();
        Page first = scan(problems).pages().stream().filter(p -> p.path().endsWith("01-first.md")).findFirst().orElseThrow();
        assertThat(problems.list()).isEmpty();
        // the file: 6 header lines, the separator on line 7, "```java" on line 12, "```mermaid" on line 22
        assertThat(first.blocks()).extracting(Block::kind, Block::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("java", 12),
                        org.assertj.core.groups.Tuple.tuple("mermaid", 22),
                        org.assertj.core.groups.Tuple.tuple("", 27));
        assertThat(first.blocks().get(0).code()).isEqualTo("int x = 1 + 1;\n");
        assertThat(Files.readAllLines(first.source()).get(11)).isEqualTo("```java");
    }

    @Test
    void nested_blocks_are_found_with_their_line() throws IOException {
        Fixtures.copy("basic", root);
        Page second = scan(new Problems()).pages().stream().filter(p -> p.path().endsWith("02-second.md")).findFirst()
                .orElseThrow();
        assertThat(second.blocks()).extracting(Block::kind, Block::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("jshell", 12));
    }

    @Test
    void pages_know_their_uri_and_order() throws IOException {
        Fixtures.copy("basic", root);
        Site site = scan(new Problems());
        assertThat(site.pages()).extracting(Page::path).containsExactly("content/about.md", "content/index.md",
                "content/questions/01-first.md", "content/questions/02-second.md", "content/questions/03-draft.md");
        assertThat(site.pages()).extracting(Page::uri).contains("questions/01-first.html", "index.html");
        assertThat(site.pages().get(2).order()).hasValue(1);
    }

    @Test
    void duplicate_order_names_both_files_and_the_next_free_order() throws IOException {
        Fixtures.copy("basic", root);
        Fixtures.write(root.resolve("content/questions/04-copy.md"),
                "title=Copy\ntype=question\nstatus=published\norder=2\nsummary=S.\n~~~~~~\nText.\n");
        Problems problems = new Problems();
        scan(problems);
        assertThat(problems.list()).extracting(Problem::format).containsExactly(
                "content/questions/04-copy.md:4: order=2 is already used by content/questions/02-second.md:4\n"
                        + "   hint: Give each question its own order; the next free one is 4.");
    }

    @Test
    void an_unclosed_fence_is_named_at_its_line() throws IOException {
        Fixtures.copy("basic", root);
        Fixtures.write(root.resolve("content/about.md"), "title=A\ntype=page\nstatus=published\n~~~~~~\nText.\n\n```java\nint x;\n");
        Problems problems = new Problems();
        scan(problems);
        assertThat(problems.list()).extracting(Problem::location, Problem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("content/about.md:7",
                        "this code fence is never closed, so the rest of the file is code"));
    }

    @Test
    void text_that_is_not_utf8_is_named_at_its_line() throws IOException {
        Fixtures.copy("basic", root);
        Files.write(root.resolve("content/about.md"),
                "title=A\ntype=page\nstatus=published\n~~~~~~\ncaf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Problems problems = new Problems();
        scan(problems);
        assertThat(problems.list()).extracting(Problem::location, Problem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("content/about.md:5", "the file is not valid UTF-8"));
    }

    @Test
    void a_missing_content_folder_says_where_to_run() throws IOException {
        Problems problems = new Problems();
        scan(problems);
        assertThat(problems.list()).singleElement().satisfies(p -> assertThat(p.message()).startsWith("there is no content/ folder"));
    }
}
