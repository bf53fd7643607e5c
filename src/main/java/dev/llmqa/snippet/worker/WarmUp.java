package dev.llmqa.snippet.worker;

import dev.llmqa.snippet.wire.Source;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

/**
 * Evaluates typical snippets in a throwaway session while the worker has nothing to do, so javac inside it is
 * compiled by the JIT before the first pages arrive (the pool is made early in a build). Stops as soon as the host
 * sends something.
 */
final class WarmUp {

    private static final List<String> SNIPPETS = List.of(
            "long layers = 32;",
            "long heads = 32, dim = 128;",
            "long kvBytes(long tokens) { return 2 * layers * heads * dim * tokens * 2; }",
            "record Model(String name, long params) { double gb() { return params * 2 / 1e9; } }",
            "var models = List.of(new Model(\"7b\", 7_000_000_000L), new Model(\"13b\", 13_000_000_000L));",
            "for (var m : models) System.out.printf(\"%s %.1f GB%n\", m.name(), m.gb());",
            "long total = LongStream.of(1024, 4096, 32768).map(t -> kvBytes(t)).sum();",
            "String summary = String.format(\"%,d bytes\", total);",
            "class Cache { final Map<String, Integer> hits = new HashMap<>(); int hit(String k) { return hits.merge(k, 1, Integer::sum); } }",
            "new Cache().hit(\"a\")");

    private WarmUp() {
    }

    /** Runs up to {@code sessions} throwaway sessions; returns early when {@code in} has input. */
    static void whileIdle(InputStream in, PrintStream out, int sessions) throws IOException {
        for (int round = 0; round < sessions; round++) {
            if (in.available() > 0) {
                return;
            }
            try (Session session = Session.open(out)) {
                for (String snippet : SNIPPETS) {
                    if (in.available() > 0) {
                        return;
                    }
                    session.evaluate(new Source("warm-up", 1, snippet), piece -> { });
                }
            }
        }
    }
}
