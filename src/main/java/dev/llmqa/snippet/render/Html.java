package dev.llmqa.snippet.render;

import com.vladsch.flexmark.util.sequence.Escaping;

/** HTML text escaping for the snippet renderers. */
final class Html {

    private Html() {
    }

    static String text(String raw) {
        return Escaping.escapeHtml(raw, false);
    }

    /** "ran in 12 ms"; in a reproducible build only "ran at build time", since run times differ between runs. */
    static String ran(String what, long millis, boolean reproducible) {
        if (reproducible) {
            return what + " at build time";
        }
        return what + " in " + (millis < 1 ? "&lt;1 ms" : millis + " ms");
    }
}
