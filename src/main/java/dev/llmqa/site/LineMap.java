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
}
