package dev.llmqa.js;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The requests engine.js takes and the answers it gives (one JSON text each), for both engines. */
final class Glue {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Glue() {
    }

    static String typesetRequest(List<JsEngine.Tex> formulas) {
        ObjectNode request = JSON.createObjectNode().put("op", "typeset");
        ArrayNode items = request.putArray("items");
        formulas.forEach(f -> items.addObject().put("tex", f.tex()).put("display", f.display()));
        return request.toString();
    }

    static String highlightRequest(List<JsEngine.Code> blocks) {
        ObjectNode request = JSON.createObjectNode().put("op", "highlight");
        ArrayNode items = request.putArray("items");
        blocks.forEach(b -> items.addObject().put("code", b.code()).put("language", b.language()));
        return request.toString();
    }

    static List<JsEngine.TexResult> typesetAnswer(String answer, int expected) {
        return items(answer, expected, one -> one.hasNonNull("html")
                ? new JsEngine.TexResult(one.get("html").asText(), null)
                : new JsEngine.TexResult(null, one.path("error").asText("KaTeX gave no HTML and no message")));
    }

    static List<Optional<String>> highlightAnswer(String answer, int expected) {
        return items(answer, expected, one -> Optional.ofNullable(one.hasNonNull("html") ? one.get("html").asText() : null));
    }

    private static <T> List<T> items(String answer, int expected, java.util.function.Function<JsonNode, T> each) {
        JsonNode array;
        try {
            array = JSON.readTree(answer);
        } catch (IOException e) {
            throw new JsEngine.Failed("engine.js answered with something that is not JSON: " + e.getMessage(), e);
        }
        if (array == null || !array.isArray() || array.size() != expected) {
            throw new JsEngine.Failed("engine.js answered " + (array == null ? "nothing" : array.size() + " items")
                    + " for " + expected, null);
        }
        List<T> out = new ArrayList<>(expected);
        array.forEach(one -> out.add(each.apply(one)));
        return out;
    }
}
