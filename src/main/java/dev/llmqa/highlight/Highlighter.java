package dev.llmqa.highlight;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/** highlight.js from its WebJar in a GraalJS context: code in, highlighted HTML out, no JavaScript on the page. */
public final class Highlighter implements AutoCloseable {

    public static final String VERSION = "11.11.1";
    private static final String SCRIPT = "/META-INF/resources/webjars/highlightjs/" + VERSION + "/highlight.min.js";

    private final Context context;
    private final Value hljs;
    private final Value options;

    public Highlighter() {
        context = Context.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
        context.eval("js", "var module = undefined, exports = undefined, define = undefined;");
        context.eval(Source.create("js", read()));
        hljs = context.getBindings("js").getMember("hljs");
        options = context.eval("js", "(function (l) { return {language: l, ignoreIllegals: true}; })");
    }

    /** The highlighted HTML, or empty when highlight.js does not know the language. */
    public synchronized Optional<String> highlight(String code, String language) {
        if (hljs.invokeMember("getLanguage", language).isNull()) {
            return Optional.empty();
        }
        return Optional.of(hljs.invokeMember("highlight", code, options.execute(language)).getMember("value").asString());
    }

    private static String read() {
        try (InputStream in = Highlighter.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("highlight.js is missing from the class path: " + SCRIPT);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
