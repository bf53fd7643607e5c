package dev.llmqa.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqa.config.SiteConfig;
import dev.llmqa.site.Page;
import dev.llmqa.site.Site;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project's own content builds: a home page, an about page and one page per question. */
class ProjectSiteTest {

    @TempDir
    Path out;

    @Test
    void the_project_site_builds_with_a_page_per_question() throws Exception {
        SiteConfig config = SiteConfig.of(Path.of("")).withOut(out.resolve("site"));
        Site site = Pipeline.standard(true, Progress.SILENT).run(config);

        assertThat(out.resolve("site/index.html")).isNotEmptyFile();
        assertThat(out.resolve("site/about.html")).isNotEmptyFile();
        assertThat(out.resolve("site/css/site.css")).isNotEmptyFile();
        assertThat(out.resolve("site/js/site.js")).isNotEmptyFile();
        var questions = site.pages().stream().filter(p -> p.type().equals("question")).toList();
        assertThat(questions).isNotEmpty();
        String home = Files.readString(out.resolve("site/index.html"));
        for (Page question : questions) {
            String html = Files.readString(out.resolve("site").resolve(question.uri()));
            String title = question.title().replace("&", "&amp;");
            assertThat(html).as(question.path()).contains("<h1>" + title + "</h1>");
            assertThat(home).as("home lists " + question.path()).contains(title);
            org.jsoup.nodes.Document dom = org.jsoup.Jsoup.parse(html);
            assertThat(dom.select(".toc a")).as(question.path() + ": on this page").isNotEmpty().allSatisfy(a ->
                    assertThat(dom.getElementById(a.attr("href").substring(1))).as(a.attr("href")).isNotNull());
            String download = dom.select(".try-it a[download]").attr("href");
            assertThat(out.resolve("site/questions").resolve(download).normalize()).as(question.path() + ": try it").isNotEmptyFile();
            assertThat(dom.select(".try-it code").text()).startsWith("jshell examples/").endsWith(".jsh");
            assertThat(dom.select("button.theme-toggle")).hasSize(1);
            dom.select("pre, code, script").remove();
            assertThat(dom.select("main").text()).as(question.path() + ": no raw TeX visible").doesNotContain("$$");
            assertThat(dom.select("span.math:not(:has(.katex))")).as(question.path() + ": all math typeset").isEmpty();
            assertThat(html).as(question.path() + ": diagrams are inline SVG").contains("<figure class=\"diagram\" role=\"img\"")
                    .doesNotContain("mermaid.min.js", "language-mermaid");
        }
    }
}
