package dev.llmqa.site;

/** One {@code key=value} line of a page header, with its 1-based line in the file. */
public record HeaderEntry(String key, String value, int line) {
}
