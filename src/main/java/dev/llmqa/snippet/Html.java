package dev.llmqa.snippet;

import com.vladsch.flexmark.util.sequence.Escaping;

/** HTML text escaping for the snippet renderers. */
final class Html {

    private Html() {
    }

    static String text(String raw) {
        return Escaping.escapeHtml(raw, false);
    }

    static String millis(long millis) {
        return millis < 1 ? "<1 ms" : millis + " ms";
    }
}
