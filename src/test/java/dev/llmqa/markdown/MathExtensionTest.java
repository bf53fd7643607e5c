package dev.llmqa.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MathExtensionTest {

    private static String html(String markdown) {
        return Markdown.renderer(dev.llmqa.site.Renderers.none()).render(Markdown.parse(markdown));
    }

    @Test
    void inline_math_keeps_underscores_and_stars() {
        assertThat(html("Sum $a_i b_i$ and $x*y*z$ here.\n"))
                .isEqualTo("<p>Sum <span class=\"math inline\">$a_i b_i$</span> and <span class=\"math inline\">$x*y*z$</span> here.</p>\n");
    }

    @Test
    void display_math_spans_lines() {
        assertThat(html("$$\nL = E + \\frac{A}{N^{\\alpha}}\n$$\n"))
                .contains("<span class=\"math display\">$$\nL = E + \\frac{A}{N^{\\alpha}}\n$$</span>");
    }

    @Test
    void dollar_amounts_are_text() {
        assertThat(html("It costs $5 and $10.\n")).isEqualTo("<p>It costs $5 and $10.</p>\n");
        assertThat(html("A lone $ sign.\n")).isEqualTo("<p>A lone $ sign.</p>\n");
    }

    @Test
    void tex_is_escaped_as_html() {
        assertThat(html("$a<b$\n")).contains("<span class=\"math inline\">$a&lt;b$</span>");
    }
}
