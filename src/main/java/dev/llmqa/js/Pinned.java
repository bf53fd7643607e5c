package dev.llmqa.js;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The files both engines run, read from the class path: KaTeX and highlight.js from their WebJars (the versions the
 * pom pins) and the glue that calls them ({@code engine.js}), so Node and GraalJS run exactly the same code.
 */
public final class Pinned {

    public static final String KATEX_VERSION = "0.16.47";
    public static final String HIGHLIGHT_VERSION = "11.11.1";
    /** KaTeX's dist folder in its WebJar: the script, the stylesheet and the fonts. */
    public static final String KATEX_DIST = "/META-INF/resources/webjars/katex/" + KATEX_VERSION + "/dist/";
    static final String KATEX_SCRIPT = KATEX_DIST + "katex.min.js";
    static final String HIGHLIGHT_SCRIPT = "/META-INF/resources/webjars/highlightjs/" + HIGHLIGHT_VERSION + "/highlight.min.js";
    static final String GLUE = "/dev/llmqa/js/engine.js";
    static final String NODE_MAIN = "/dev/llmqa/js/node-engine.js";

    private Pinned() {
    }

    /** A text resource of the class path; a missing one means a broken install, which the message says. */
    public static String read(String resource) {
        try (InputStream in = open(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static InputStream open(String resource) {
        InputStream in = Pinned.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is missing from the class path: rebuild the tool (./mvnw package)");
        }
        return in;
    }
}
