package dev.llmqa.js;

import java.util.List;
import java.util.Optional;

/**
 * A JavaScript engine that typesets with KaTeX and highlights with highlight.js, a batch per call. Both adapters run
 * the same pinned files through the same glue ({@code engine.js}), so their answers are the same strings.
 */
public interface JsEngine extends AutoCloseable {

    /** A formula: its TeX and whether it is display math. */
    record Tex(String tex, boolean display) {
    }

    /** A formula's KaTeX HTML, or KaTeX's message when the TeX is invalid (exactly one is non-null). */
    record TexResult(String html, String error) {
    }

    /** Code to highlight, in a language named as in the fence ({@code shell}, {@code java}). */
    record Code(String code, String language) {
    }

    /** The engine itself failed (not the TeX): a process that died or hung, a library that did not load. */
    final class Failed extends RuntimeException {
        public Failed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The libraries a batch runs, for {@link #prepare}. */
    enum Library {
        KATEX, HIGHLIGHT
    }

    /**
     * A batch for {@code library} is coming: start what it needs now, so that it boots beside the caller's own work
     * (finding what is new, encoding the request) instead of after it. Optional: a batch starts it anyway, and a
     * start that fails here fails that batch, with its message.
     */
    default void prepare(Library library) {
    }

    /** What runs the scripts, for the progress line: "Node v20.20.2", "GraalJS". */
    String name();

    /** Each formula's result, in order. */
    List<TexResult> typeset(List<Tex> formulas);

    /** Each block's highlighted HTML, in order; empty for a language highlight.js does not know. */
    List<Optional<String>> highlight(List<Code> blocks);

    /** Why this engine runs on a slower fallback than the one it was asked for, when it does (say it once). */
    default Optional<String> notice() {
        return Optional.empty();
    }

    @Override
    void close();
}
