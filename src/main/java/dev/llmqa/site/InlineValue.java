package dev.llmqa.site;

/**
 * An inline code span that starts with {@code = }: its expression is evaluated in the page's session and the
 * value replaces the span.
 *
 * @param line       1-based file line
 * @param column     1-based column of the opening backtick
 * @param expression the Java expression after {@code = }
 */
public record InlineValue(int line, int column, String expression) {

    public static final String MARK = "= ";
}
