package dev.llmqa.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqa.config.SiteConfig;
import dev.llmqa.markdown.PageRenderer;
import dev.llmqa.problem.Problems;
import dev.llmqa.site.Page;
import dev.llmqa.site.Site;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;

/**
 * Random headers and markdown through scan and render: whatever comes in, the result is pages or reported
 * problems, never an exception, and no script tag from the input reaches the HTML.
 */
class ScanFuzzTest {

    private Path root;

    @BeforeTry
    void project() throws IOException {
        root = Files.createTempDirectory("llmqa-fuzz");
        Files.createDirectories(root.resolve("content/questions"));
        Files.createDirectories(root.resolve("templates"));
        Files.writeString(root.resolve("templates/question.ftl"), "${content.body}");
        Files.writeString(root.resolve("templates/page.ftl"), "${content.body}");
    }

    @AfterTry
    void clean() throws IOException {
        dev.llmqa.build.Folders.delete(root);
    }

    @Provide
    Arbitrary<String> headers() {
        Arbitrary<String> line = Arbitraries.oneOf(
                Arbitraries.of("title=T", "type=question", "type=page", "type=nope", "status=published", "status=draft",
                        "status=", "order=1", "order=-3", "order=x", "summary=S", "tags=a,b", "date=2024-02-30",
                        "examples=../x.jsh", "timeout=0", "=", "   ", "no equals", "~~~~~~ ", "k\u0000=v"),
                Arbitraries.strings().ofMaxLength(20));
        return line.list().ofMaxSize(8).map(lines -> String.join("\n", lines));
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of("# H", "## H2", "```java\n", "```", "```jshell\njshell> 1\n$1 ==> 1\n", "```mermaid\n",
                        "`= 1 + 1`", "`=`", "$x_i$", "$$\n", "$", "\\$", "| a | b |\n|---|---|\n| 1 | 2 |", "[^1]", "[^1]: n",
                        "!!! warning \"T\"\n    x", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
                        "[x](javascript:alert(1))", "***", "- item", "> quote", "\t", "\r\n", "\u2028", "é", "\uD83D\uDE00"),
                Arbitraries.strings().ofMaxLength(30));
        return piece.list().ofMaxSize(25).map(parts -> String.join(" \n", parts));
    }

    @Property(tries = 300)
    void anything_scans_and_renders_or_is_a_reported_problem(@ForAll("headers") String header, @ForAll("bodies") String body)
            throws IOException {
        Files.writeString(root.resolve("content/questions/01-fuzz.md"), header + "\n~~~~~~\n" + body, StandardCharsets.UTF_8);
        Problems problems = new Problems();
        Site site = new Scan().run(Site.start(SiteConfig.of(root)), problems).site();
        List<Page> pages = site.pages();
        assertThat(pages.size() + problems.size()).isPositive();
        PageRenderer renderer = new PageRenderer(dev.llmqa.site.Renderers.none());
        for (Page page : pages) {
            org.jsoup.nodes.Document dom = org.jsoup.Jsoup.parseBodyFragment(renderer.render(page));
            assertThat(dom.select("script, iframe, object, embed")).isEmpty();
            assertThat(dom.getAllElements()).allSatisfy(e -> e.attributes().forEach(a -> {
                assertThat(a.getKey().toLowerCase()).doesNotStartWith("on");
                assertThat(a.getValue().toLowerCase().replaceAll("\\s", "")).doesNotStartWith("javascript:");
            }));
        }
    }
}
