package dev.llmqa.math;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * KaTeX from its WebJar, run in a GraalJS context inside the JVM, so math is HTML at build time with no Node and
 * no JavaScript on the page. Loading KaTeX costs about 1.5 s; a formula then 2–9 ms. One thread at a time.
 */
public final class Katex implements AutoCloseable {

    public static final String VERSION = "0.16.47";
    static final String WEBJAR = "/META-INF/resources/webjars/katex/" + VERSION + "/dist/";

    private final Context context;
    private final Value katex;
    private final Value inline;
    private final Value display;

    public Katex() {
        context = Context.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
        context.eval("js", "var module = undefined, exports = undefined, define = undefined;");
        context.eval(Source.create("js", resource("katex.min.js")));
        katex = context.getBindings("js").getMember("katex");
        inline = context.eval("js", "({displayMode: false, throwOnError: true, output: 'htmlAndMathml', strict: 'ignore'})");
        display = context.eval("js", "({displayMode: true, throwOnError: true, output: 'htmlAndMathml', strict: 'ignore'})");
    }

    /** The HTML of one formula; an {@link IllegalArgumentException} with KaTeX's message for invalid TeX. */
    public synchronized String render(String tex, boolean displayMode) {
        try {
            return katex.invokeMember("renderToString", tex, displayMode ? display : inline).asString();
        } catch (PolyglotException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    static String resource(String name) {
        try (InputStream in = Katex.class.getResourceAsStream(WEBJAR + name)) {
            if (in == null) {
                throw new IllegalStateException("KaTeX is missing from the class path: " + WEBJAR + name);
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
