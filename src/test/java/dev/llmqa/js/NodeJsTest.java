package dev.llmqa.js;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
class NodeJsTest {

    private static final List<JsEngine.Tex> ONE = List.of(new JsEngine.Tex("a_i", false));

    @Test
    void batches_share_one_node_process_per_library_until_closed() {
        try (NodeJs node = new NodeJs()) {
            assertThat(node.typeset(ONE).get(0).html()).startsWith("<span class=\"katex\">");
            assertThat(node.highlight(List.of(new JsEngine.Code("ls -l", "shell"))).get(0)).isPresent();
            assertThat(node.typeset(List.of(new JsEngine.Tex("\\frac{a", true))).get(0).error())
                    .startsWith("KaTeX parse error: Unexpected end of input");
            assertThat(node.starts()).isEqualTo(2);
        }
    }

    @Test
    void a_prepared_process_is_the_one_the_batch_uses_and_preparing_a_running_one_starts_none() {
        try (NodeJs node = new NodeJs()) {
            node.prepare(JsEngine.Library.KATEX);
            assertThat(node.starts()).isEqualTo(1);
            assertThat(node.typeset(ONE).get(0).html()).startsWith("<span class=\"katex\">");
            node.prepare(JsEngine.Library.KATEX);
            assertThat(node.typeset(ONE).get(0).html()).startsWith("<span class=\"katex\">");
            assertThat(node.starts()).isEqualTo(1);
        }
    }

    @Test
    void a_batch_that_takes_too_long_stops_the_process_and_the_next_starts_another() {
        try (NodeJs node = new NodeJs(Duration.ofMillis(1), Duration.ZERO)) {
            assertThatThrownBy(() -> node.typeset(ONE)).isInstanceOf(JsEngine.Failed.class)
                    .hasMessage("Node.js did not answer within 0 s and was stopped");
            assertThatThrownBy(() -> node.typeset(ONE)).isInstanceOf(JsEngine.Failed.class);
            assertThat(node.starts()).isEqualTo(2);
        }
    }

    @Test
    void when_node_fails_the_batch_runs_on_graaljs_and_the_build_is_told_once() {
        try (JsEngine engine = new JsEngines.NodeFirst(new NodeJs(Duration.ofMillis(1), Duration.ZERO));
             GraalJs graal = new GraalJs()) {
            assertThat(engine.typeset(ONE)).isEqualTo(graal.typeset(ONE));
            assertThat(engine.name()).isEqualTo("GraalJS");
            assertThat(engine.notice()).hasValue("Node.js did not answer within 0 s and was stopped;"
                    + " used GraalJS instead (much slower)");
            assertThat(engine.notice()).isEmpty();
        }
    }
}
