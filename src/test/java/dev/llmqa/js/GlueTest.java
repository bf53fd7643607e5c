package dev.llmqa.js;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GlueTest {

    @Test
    void requests_are_the_json_engine_js_takes_with_every_character_escaped_as_json_wants() {
        assertThat(Glue.typesetRequest(List.of(new JsEngine.Tex("\\frac{a}{\"b\"}", true), new JsEngine.Tex("é\n∑", false))))
                .isEqualTo("{\"op\":\"typeset\",\"items\":[{\"tex\":\"\\\\frac{a}{\\\"b\\\"}\",\"display\":true},"
                        + "{\"tex\":\"é\\n∑\",\"display\":false}]}");
        assertThat(Glue.highlightRequest(List.of(new JsEngine.Code("ls -l\t</script>", "shell"))))
                .isEqualTo("{\"op\":\"highlight\",\"items\":[{\"code\":\"ls -l\\t</script>\",\"language\":\"shell\"}]}");
        assertThat(Glue.typesetRequest(List.of())).isEqualTo("{\"op\":\"typeset\",\"items\":[]}");
    }

    @Test
    void an_answer_gives_each_item_its_html_or_its_error_in_order() {
        assertThat(Glue.typesetAnswer("[{\"html\":\"<span class=\\\"katex\\\">a</span>\"},{\"error\":\"KaTeX parse error: x\"},{}]", 3))
                .containsExactly(new JsEngine.TexResult("<span class=\"katex\">a</span>", null),
                        new JsEngine.TexResult(null, "KaTeX parse error: x"),
                        new JsEngine.TexResult(null, "KaTeX gave no HTML and no message"));
        assertThat(Glue.highlightAnswer("[{\"html\":\"<span class=\\\"hljs-built_in\\\">ls</span>\\u00e9\"},{},{\"html\":null}]", 3))
                .containsExactly(Optional.of("<span class=\"hljs-built_in\">ls</span>é"), Optional.empty(), Optional.empty());
    }

    @Test
    void fields_an_item_does_not_need_are_skipped_whatever_they_hold() {
        assertThat(Glue.highlightAnswer("[{\"took\":{\"ms\":[1,2]},\"html\":\"x\",\"more\":[{}]}]", 1))
                .containsExactly(Optional.of("x"));
    }

    @Test
    void an_answer_that_is_not_the_expected_list_fails_the_engine() {
        assertThatThrownBy(() -> Glue.typesetAnswer("[{\"html\":\"a\"}]", 2)).isInstanceOf(JsEngine.Failed.class)
                .hasMessage("engine.js answered 1 items for 2");
        assertThatThrownBy(() -> Glue.typesetAnswer("", 1)).isInstanceOf(JsEngine.Failed.class)
                .hasMessage("engine.js answered nothing for 1");
        assertThatThrownBy(() -> Glue.typesetAnswer("{\"html\":\"a\"}", 1)).isInstanceOf(JsEngine.Failed.class)
                .hasMessage("engine.js answered something other than a list for 1");
        assertThatThrownBy(() -> Glue.highlightAnswer("[{\"html\":\"a\"}", 1)).isInstanceOf(JsEngine.Failed.class)
                .hasMessageStartingWith("engine.js answered with something that is not JSON: Unexpected end-of-input");
        assertThatThrownBy(() -> Glue.highlightAnswer("[{\"html\":", 1)).isInstanceOf(JsEngine.Failed.class)
                .hasMessageStartingWith("engine.js answered with something that is not JSON: ");
    }
}
