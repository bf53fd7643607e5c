package dev.llmqa.js;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The requests engine.js takes and the answers it gives (one JSON text each), for both engines. Jackson's streaming
 * API, not its object mapper: the build has the parser loaded already (config.Settings), while the mapper's first use
 * costs a fresh JVM more than the whole exchange with Node.
 */
final class Glue {

    private static final JsonFactory JSON = new JsonFactory();

    private Glue() {
    }

    /** An item of an answer: its {@code html}, or KaTeX's {@code error}, or neither. */
    private record Answer(String html, String error) {
    }

    @FunctionalInterface
    private interface Fields<T> {
        void write(JsonGenerator json, T item) throws IOException;
    }

    static String typesetRequest(List<JsEngine.Tex> formulas) {
        return request("typeset", formulas, (json, f) -> {
            json.writeStringField("tex", f.tex());
            json.writeBooleanField("display", f.display());
        });
    }

    static String highlightRequest(List<JsEngine.Code> blocks) {
        return request("highlight", blocks, (json, b) -> {
            json.writeStringField("code", b.code());
            json.writeStringField("language", b.language());
        });
    }

    static List<JsEngine.TexResult> typesetAnswer(String answer, int expected) {
        return items(answer, expected, Glue::texResult);
    }

    static List<Optional<String>> highlightAnswer(String answer, int expected) {
        return items(answer, expected, Glue::highlighted);
    }

    private static JsEngine.TexResult texResult(Answer one) {
        return one.html() != null ? new JsEngine.TexResult(one.html(), null)
                : new JsEngine.TexResult(null, one.error() != null ? one.error() : "KaTeX gave no HTML and no message");
    }

    private static Optional<String> highlighted(Answer one) {
        return Optional.ofNullable(one.html());
    }

    private static <T> String request(String op, List<T> items, Fields<T> fields) {
        StringWriter text = new StringWriter(items.size() * 64);
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("op", op);
            json.writeArrayFieldStart("items");
            for (T item : items) {
                json.writeStartObject();
                fields.write(json, item);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    private static <T> List<T> items(String answer, int expected, Function<Answer, T> each) {
        List<T> out = new ArrayList<>(expected);
        try (JsonParser json = JSON.createParser(answer)) {
            JsonToken first = json.nextToken();
            if (first == null) {
                throw new JsEngine.Failed("engine.js answered nothing for " + expected, null);
            }
            if (first != JsonToken.START_ARRAY) {
                throw new JsEngine.Failed("engine.js answered something other than a list for " + expected, null);
            }
            for (JsonToken token = json.nextToken(); token != JsonToken.END_ARRAY; token = json.nextToken()) {
                if (token == null) {
                    throw new JsEngine.Failed("engine.js answered a list cut short (" + out.size() + " items) for " + expected, null);
                }
                out.add(each.apply(token == JsonToken.START_OBJECT ? answer(json) : skip(json)));
            }
        } catch (IOException e) {
            throw new JsEngine.Failed("engine.js answered with something that is not JSON: " + e.getMessage(), e);
        }
        if (out.size() != expected) {
            throw new JsEngine.Failed("engine.js answered " + out.size() + " items for " + expected, null);
        }
        return out;
    }

    /** The fields of the object the parser is at the start of, up to its end; text fields only. */
    private static Answer answer(JsonParser json) throws IOException {
        String html = null;
        String error = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            String text = value.isScalarValue() && value != JsonToken.VALUE_NULL ? json.getText() : null;
            json.skipChildren();
            if (field.equals("html")) {
                html = text;
            } else if (field.equals("error")) {
                error = text;
            }
        }
        return new Answer(html, error);
    }

    /** An item that is not an object: skipped, and counted, as it has neither html nor error. */
    private static Answer skip(JsonParser json) throws IOException {
        json.skipChildren();
        return new Answer(null, null);
    }
}
