package dev.llmqa.site;

/**
 * TeX between {@code $…$} or {@code $$…$$} in a page.
 *
 * @param line    1-based file line of the opening {@code $}
 * @param column  1-based column of the opening {@code $}
 * @param tex     the TeX between the delimiters
 * @param display true for {@code $$…$$}
 */
public record Formula(int line, int column, String tex, boolean display) {
}
