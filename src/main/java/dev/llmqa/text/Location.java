package dev.llmqa.text;

/** How a place in a file is written in messages: {@code path:line:column}, with the parts that are known. */
public final class Location {

    private Location() {
    }

    /** @param line 0 when unknown (then the column is left out too); @param column 0 when unknown */
    public static String of(String path, int line, int column) {
        StringBuilder where = new StringBuilder(path);
        if (line > 0) {
            where.append(':').append(line);
            if (column > 0) {
                where.append(':').append(column);
            }
        }
        return where.toString();
    }
}
