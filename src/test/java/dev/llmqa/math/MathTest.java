package dev.llmqa.math;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqa.Fixtures;
import dev.llmqa.WarmTools;
import dev.llmqa.cli.Main;
import dev.llmqa.js.GraalJs;
import dev.llmqa.js.JsEngine;
import dev.llmqa.js.JsEngines;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        try (GraalJs graal = new GraalJs()) {
            var results = graal.typeset(List.of(new JsEngine.Tex("a_i", false), new JsEngine.Tex("\\frac{A}{N^{\\alpha}}", true),
                    new JsEngine.Tex("\\frac{a", false)));
            assertThat(results.get(0).html()).startsWith("<span class=\"katex\">").contains("<msub>");
            assertThat(results.get(1).html()).startsWith("<span class=\"katex-display\">");
            assertThat(results.get(2).html()).isNull();
            assertThat(results.get(2).error()).isEqualTo("KaTeX parse error: Unexpected end of input in a macro argument,"
                    + " expected '}' at end of input: \\frac{a");
        }
    }

    /** The preview server's engine outlives each build: made once, and a build does not close it. */
    @Test
    @Tag("integration")
    void a_shared_engine_is_made_once_and_kept_across_builds() throws Exception {
        Fixtures.copy("basic", root);
        try (JsEngines shared = new JsEngines()) {
            var config = dev.llmqa.config.SiteConfig.of(root).withCache(false);
            JsEngine first = null;
            for (String tex : new String[] {"a_1", "a_2"}) {
                Fixtures.write(root.resolve("content/about.md"), "title=A\ntype=page\nstatus=published\n~~~~~~\n$" + tex + "$\n");
                var site = new dev.llmqa.content.Scan().run(dev.llmqa.site.Site.start(config), new dev.llmqa.problem.Problems()).site();
                dev.llmqa.problem.Problems problems = new dev.llmqa.problem.Problems();
                String summary = new MathExecutor(shared).execute(site, problems).summary();
                assertThat(problems.list()).isEmpty();
                assertThat(summary).startsWith("1 typeset");
                first = first == null ? shared.get(config.settings().path()) : first;
            }
            JsEngine engine = shared.get(config.settings().path());
            assertThat(engine).isSameAs(first);
            assertThat(engine.name()).isEqualTo("Node");
            assertThat(engine.typeset(List.of(new JsEngine.Tex("x", false))).get(0).html()).contains("katex");
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
