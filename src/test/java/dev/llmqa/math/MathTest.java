package dev.llmqa.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmqa.Fixtures;
import dev.llmqa.WarmTools;
import dev.llmqa.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class MathTest {

    @RegisterExtension
    static final WarmTools TOOLS = WarmTools.shared();

    @TempDir
    Path root;

    private int build(StringWriter err) {
        return Main.run(new String[] {"build", "-q", "--root", root.toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(err, true), TOOLS.kept());
    }

    @Test
    void katex_typesets_inline_and_display_math_in_the_jvm() {
        try (Katex katex = new Katex()) {
            assertThat(katex.render("a_i", false)).startsWith("<span class=\"katex\">").contains("<msub>");
            assertThat(katex.render("\\frac{A}{N^{\\alpha}}", true)).startsWith("<span class=\"katex-display\">");
            assertThatThrownBy(() -> katex.render("\\frac{a", false)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("KaTeX parse error");
        }
    }

    /** The preview server's KaTeX outlives each build: it is loaded once, and a build does not close it. */
    @Test
    void a_shared_katex_is_loaded_once_and_kept_across_builds() throws Exception {
        Fixtures.copy("basic", root);
        int[] loads = {0};
        try (dev.llmqa.execute.Lazy<Katex> shared = new dev.llmqa.execute.Lazy<>(() -> {
            loads[0]++;
            return new Katex();
        })) {
            for (String tex : new String[] {"a_1", "a_2"}) {
                Fixtures.write(root.resolve("content/about.md"), "title=A\ntype=page\nstatus=published\n~~~~~~\n$" + tex + "$\n");
                var config = dev.llmqa.config.SiteConfig.of(root).withCache(false);
                var site = new dev.llmqa.content.Scan().run(dev.llmqa.site.Site.start(config), new dev.llmqa.problem.Problems());
                dev.llmqa.problem.Problems problems = new dev.llmqa.problem.Problems();
                MathExecutor executor = new MathExecutor(shared);
                executor.execute(site, problems);
                assertThat(problems.list()).isEmpty();
                assertThat(executor.summary()).startsWith("1 typeset");
            }
            assertThat(loads[0]).isEqualTo(1);
            assertThat(shared.get().render("x", false)).contains("katex");
        }
    }

    @Test
    @Tag("integration")
    void a_page_with_math_gets_html_and_the_katex_stylesheet_and_fonts() throws Exception {
        Fixtures.copy("basic", root);
        Fixtures.write(root.resolve("content/about.md"), "title=A\ntype=page\nstatus=published\n~~~~~~\n"
                + "The loss $L = E + A/N^\\alpha$ falls.\n\n$$\nC \\approx 6ND\n$$\n");
        assertThat(build(new StringWriter())).isZero();
        String page = Files.readString(root.resolve("site/about.html"));
        assertThat(page).contains("<span class=\"math inline\"><span class=\"katex\">")
                .contains("<span class=\"math display\"><span class=\"katex-display\">").doesNotContain("$$");
        assertThat(root.resolve("site/css/katex/katex.min.css")).content().contains("KaTeX_Main-Regular.woff2")
                .doesNotContain(".ttf").doesNotContain(".woff)");
        assertThat(root.resolve("site/css/katex/fonts/KaTeX_Main-Regular.woff2")).isNotEmptyFile();
    }

    @Test
    @Tag("integration")
    void invalid_tex_fails_at_its_line_and_column() {
        Fixtures.copy("basic", root);
        Fixtures.write(root.resolve("content/about.md"), "title=A\ntype=page\nstatus=published\n~~~~~~\n"
                + "Text first.\nThen $\\frac{a$ is broken.\n");
        StringWriter err = new StringWriter();
        assertThat(build(err)).isEqualTo(1);
        assertThat(err.toString()).contains("1. content/about.md:6:6: invalid TeX: KaTeX parse error:");
    }
}
