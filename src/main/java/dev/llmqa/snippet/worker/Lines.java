package dev.llmqa.snippet.worker;

/** Small text helpers for mapping snippet positions to file lines. */
final class Lines {

    private Lines() {
    }

    /** Number of line breaks in {@code text[from, to)}. */
    static int count(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    /** 1-based column of a position within its line. */
    static int column(String text, int position) {
        int p = Math.max(0, Math.min(position, text.length()));
        return p - (text.lastIndexOf('\n', p - 1) + 1) + 1;
    }

    static String trimEnd(String s) {
        int end = s.length();
        while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    /** Position of the first character that is neither whitespace nor part of a comment. */
    static int codeStart(String code) {
        int i = 0;
        while (i < code.length()) {
            if (Character.isWhitespace(code.charAt(i))) {
                i++;
            } else if (code.startsWith("//", i)) {
                int nl = code.indexOf('\n', i);
                i = nl < 0 ? code.length() : nl + 1;
            } else if (code.startsWith("/*", i)) {
                int close = code.indexOf("*/", i + 2);
                i = close < 0 ? code.length() : close + 2;
            } else {
                return i;
            }
        }
        return 0;
    }
}
