package dev.llmqa.site;

/** Maps flexmark's 0-based body line numbers to 1-based lines of the .md file, header included. */
public final class LineMap {

    private LineMap() {
    }

    /**
     * @param separatorLine 1-based file line of the {@code ~~~~~~} separator (the header's last line)
     * @param flexmarkLine  0-based line within the body
     */
    public static int fileLine(int separatorLine, int flexmarkLine) {
        return separatorLine + flexmarkLine + 1;
    }

    /** 1-based column of {@code offset} within its line of {@code text}. */
    public static int column(CharSequence text, int offset) {
        int lineStart = offset;
        while (lineStart > 0 && text.charAt(lineStart - 1) != '\n') {
            lineStart--;
        }
        return offset - lineStart + 1;
    }
}
