package dev.llmqa.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** No script, event handler, javascript: URL or frame from content reaches a reader. */
class HostileHtmlTest {

    static Stream<String> hostile() {
        return Stream.of(
                "<script>alert(1)</script>\n",
                "Text <script>alert(1)</script> more.\n",
                "<img src=x onerror=alert(1)>\n",
                "Inline <img src=x onerror=alert(1)> image.\n",
                "<iframe src=\"https://evil.example\"></iframe>\n",
                "<a href=\"javascript:alert(1)\">click</a>\n",
                "Inline <a href=\"javascript:alert(1)\">click</a>.\n",
                "[click](javascript:alert(1))\n",
                "[click](JaVaScRiPt:alert(1))\n",
                "[click]( java\tscript:alert(1))\n",
                "![x](javascript:alert(1))\n",
                "<div onclick=\"alert(1)\">x</div>\n",
                "Inline <span onmouseover=\"alert(1)\">x</span>.\n",
                "<svg onload=alert(1)><circle r=1></svg>\n",
                "<style>body{display:none}</style>\n",
                "<form action=\"https://evil.example\"><input name=p></form>\n",
                "<object data=\"x.swf\"></object>\n",
                "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>\n",
                "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)\n",
                "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>\n");
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void hostile_markup_is_removed_or_shown_as_text(String markdown) {
        String html = Markdown.renderer(dev.llmqa.site.Renderers.none()).render(Markdown.parse(markdown)).toLowerCase();
        org.jsoup.nodes.Document dom = org.jsoup.Jsoup.parse(html);
        assertThat(dom.select("script, iframe, object, embed, form, style, svg, math")).as(html).isEmpty();
        assertThat(dom.getAllElements()).as(html).allSatisfy(e -> e.attributes().forEach(a -> {
            assertThat(a.getKey()).doesNotStartWith("on");
            assertThat(a.getValue().replaceAll("\\s", "")).doesNotStartWith("javascript:").doesNotStartWith("data:");
        }));
    }

    @ParameterizedTest
    @MethodSource("harmless")
    void harmless_markup_is_kept(String markdown, String expected) {
        assertThat(Markdown.renderer(dev.llmqa.site.Renderers.none()).render(Markdown.parse(markdown))).contains(expected);
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> harmless() {
        return Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("Press <kbd>Ctrl</kbd> twice.\n", "<kbd>Ctrl</kbd>"),
                org.junit.jupiter.params.provider.Arguments.of("H<sub>2</sub>O\n", "H<sub>2</sub>O"),
                org.junit.jupiter.params.provider.Arguments.of("<details><summary>More</summary>\n\nHidden.\n\n</details>\n", "<summary>More</summary>"),
                org.junit.jupiter.params.provider.Arguments.of("[ok](https://example.org/a)\n", "<a href=\"https://example.org/a\">ok</a>"),
                org.junit.jupiter.params.provider.Arguments.of("<figure>\n<img src=\"images/chart.svg\" alt=\"Chart\">\n</figure>\n",
                        "<img src=\"images/chart.svg\" alt=\"Chart\">"),
                org.junit.jupiter.params.provider.Arguments.of("<details><summary>See</summary>\n<a href=\"../about.html#why\">why</a>\n</details>\n",
                        "<a href=\"../about.html#why\">why</a>"));
    }
}
