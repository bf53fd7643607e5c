package dev.llmqa.problem;

import dev.llmqa.text.Location;
import java.util.Comparator;
import java.util.Objects;

/**
 * One thing wrong with the input, at a place a person can open: {@code path:line:column}.
 *
 * @param path    the file, relative to the project root, with forward slashes ("content/questions/08-kv-cache.md")
 * @param line    1-based line in that file, 0 when the problem concerns the whole file
 * @param column  1-based column, 0 when unknown
 * @param message what is wrong
 * @param hint    what to do about it (may be empty)
 */
public record Problem(String path, int line, int column, String message, String hint) {

    public static final Comparator<Problem> ORDER = Comparator.comparing(Problem::path)
            .thenComparingInt(Problem::line)
            .thenComparingInt(Problem::column)
            .thenComparing(Problem::message);

    public Problem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        hint = hint == null ? "" : hint;
    }

    public static Problem at(String path, int line, String message, String hint) {
        return new Problem(path, line, 0, message, hint);
    }

    /** {@code path:line:column} with the parts that are known. */
    public String location() {
        return Location.of(path, line, column);
    }

    /** {@code path:line: message}, then the hint on its own indented line. */
    public String format() {
        String head = location() + ": " + message;
        return hint.isEmpty() ? head : head + "\n   hint: " + hint;
    }

    @Override
    public String toString() {
        return format();
    }
}
