package dev.llmqa.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqa.ProjectSite;
import dev.llmqa.config.SiteConfig;
import dev.llmqa.site.Page;
import dev.llmqa.site.Site;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project's own content builds: a home page, an about page and one page per question. */
@Tag("integration")
class ProjectSiteTest {

    @TempDir
    Path out;

    @Test
    void the_project_site_builds_with_a_page_per_question() throws Exception {
        Site site = ProjectSite.site();
        Path built = ProjectSite.folder();

        assertThat(built.resolve("index.html")).isNotEmptyFile();
        assertThat(built.resolve("about.html")).isNotEmptyFile();
        assertThat(built.resolve("css/site.css")).isNotEmptyFile();
        assertThat(built.resolve("js/site.js")).isNotEmptyFile();
        assertThat(built.resolve("404.html")).isNotEmptyFile();
        assertThat(built.resolve("tags/index.html")).isNotEmptyFile();
        String search = Files.readString(built.resolve("js/search-data.js"));
        assertThat(search).startsWith("window.LLMQA_SEARCH = [").containsPattern(
                "\\{\"id\":\"questions/10-inference-optimization.html#[a-z-]+\",\"page\":\"[^\"]+\",\"section\":\"[^\"]+\",\"text\":\"[^\"]*PagedAttention");
        assertThat(built.resolve("js/lunr.min.js")).isNotEmptyFile();
        var questions = site.pages().stream().filter(p -> p.type().equals("question")).toList();
        assertThat(questions).isNotEmpty();
        String home = Files.readString(built.resolve("index.html"));
        for (Page question : questions) {
            String html = Files.readString(built.resolve(question.uri()));
            String title = question.title().replace("&", "&amp;");
            assertThat(html).as(question.path()).contains("<h1>" + title + "</h1>");
            assertThat(home).as("home lists " + question.path()).contains(title);
            org.jsoup.nodes.Document dom = org.jsoup.Jsoup.parse(html);
            assertThat(dom.select(".toc a")).as(question.path() + ": on this page").isNotEmpty().allSatisfy(a ->
                    assertThat(dom.getElementById(a.attr("href").substring(1))).as(a.attr("href")).isNotNull());
            String download = dom.select(".try-it a[download]").attr("href");
            assertThat(built.resolve("questions").resolve(download).normalize()).as(question.path() + ": try it").isNotEmptyFile();
            assertThat(dom.select(".try-it code").text()).startsWith("jshell examples/").endsWith(".jsh");
            assertThat(dom.select("button.theme-toggle")).hasSize(1);
            dom.select("pre, code, script").remove();
            assertThat(dom.select("main").text()).as(question.path() + ": no raw TeX visible").doesNotContain("$$");
            assertThat(dom.select("span.math:not(:has(.katex))")).as(question.path() + ": all math typeset").isEmpty();
            assertThat(html).as(question.path() + ": diagrams are inline SVG").contains("<figure class=\"diagram\" role=\"img\"")
                    .doesNotContain("mermaid.min.js", "language-mermaid");
        }
    }

    @Test
    void with_a_site_address_there_is_a_sitemap_and_edit_links() throws Exception {
        Path root = out.resolve("project");
        for (String folder : new String[] {"content", "templates", "examples", "diagrams", "tools/mermaid"}) {
            copy(Path.of(folder), root.resolve(folder));
        }
        Files.writeString(root.resolve("jbake.properties"), "site.host=https://docs.example.org/llmqa\n"
                + "site.edit=https://git.example.org/llmqa/edit/main\n");
        // with the project's cache: while another test JVM builds the project from nothing, this one waits for it
        ProjectSite.locked(() -> {
            Pipeline.standard(true, Progress.SILENT).run(SiteConfig.of(root).withCacheFolder(Path.of(".llmqa/cache").toAbsolutePath()));
            return null;
        });
        assertThat(root.resolve("site/sitemap.xml")).content()
                .contains("<loc>https://docs.example.org/llmqa/questions/08-kv-cache.html</loc>").doesNotContain("404.html");
        assertThat(root.resolve("site/questions/08-kv-cache.html")).content()
                .contains("<a href=\"https://git.example.org/llmqa/edit/main/content/questions/08-kv-cache.md\">Edit this page</a>");
    }

    private static void copy(Path from, Path to) throws java.io.IOException {
        try (var files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files.filter(f -> !f.toString().contains("node_modules"))::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
