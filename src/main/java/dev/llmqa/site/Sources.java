package dev.llmqa.site;

import java.util.Map;
import java.util.Optional;

/**
 * The files a build is about to read, as the pipeline saw them before its first stage (the same look that tells a
 * build with nothing to do): each file's SHA-256 (hex, of its bytes) by its path from the project root ("content/…",
 * "examples/…"). Stages take what earlier builds made of a file from it instead of reading the file again. Empty
 * when the pipeline did not look ({@code --no-cache}).
 */
public record Sources(Map<String, String> sha) {

    public Sources {
        sha = Map.copyOf(sha);
    }

    public static Sources none() {
        return new Sources(Map.of());
    }

    public boolean known() {
        return !sha.isEmpty();
    }

    public Optional<String> sha(String path) {
        return Optional.ofNullable(sha.get(path));
    }
}
