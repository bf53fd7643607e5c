package dev.llmqa.snippet.wire;

import java.util.Objects;

/**
 * One chunk of Java source and where it came from, so problems can name {@code path:line}.
 *
 * @param path the file, relative to the project root
 * @param line 1-based file line of the first line of {@code code}
 * @param code the source text
 */
public record Source(String path, int line, String code) {

    public Source {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(code, "code");
        if (line < 1) {
            throw new IllegalArgumentException("line is 1-based: " + line);
        }
    }
}
