package dev.llmqa.snippet.wire;

import dev.llmqa.text.Location;
import java.util.Objects;

/**
 * What went wrong in a step, as the worker reports it: the place in a source file and what to do. The host turns it
 * into a build problem; the worker JVM knows nothing of the build.
 *
 * @param path    the source file, relative to the project root
 * @param line    1-based line, 0 when unknown
 * @param column  1-based column, 0 when unknown
 * @param message what is wrong
 * @param hint    what to do about it (may be empty)
 */
public record Fault(String path, int line, int column, String message, String hint) {

    /** A step that exhausted the worker's heap: said the same way by the worker and by the host that saw it die. */
    public static final String OUT_OF_MEMORY = "ran out of memory (the snippet JVM has -Xmx256m)";
    public static final String OUT_OF_MEMORY_HINT = "Use smaller data in the example; every page's snippets share 256 MB";

    /** The sandbox's limit on a worker's threads and processes (a fork bomb) stopped a snippet. */
    public static final String TOO_MANY_THREADS = "could not start another thread: the snippet JVM reached its limit "
            + "of threads and processes";
    public static final String TOO_MANY_THREADS_HINT = "Start fewer threads or processes (a fixed-size executor); the "
            + "snippet JVM may have 512 in all, its own included";

    public Fault {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        hint = hint == null ? "" : hint;
    }

    public static Fault at(String path, int line, String message, String hint) {
        return new Fault(path, line, 0, message, hint);
    }

    /** {@code path:line:column} with the parts that are known. */
    public String location() {
        return Location.of(path, line, column);
    }
}
