package dev.llmqa.snippet;

import dev.llmqa.snippet.pool.PageProgram;
import dev.llmqa.snippet.wire.Source;
import dev.llmqa.snippet.wire.Step;

import java.time.Duration;
import java.util.List;

/** Small builders for page programs in tests. */
public final class Pages {

    private Pages() {
    }

    public static Source src(String path, int line, String code) {
        return new Source(path, line, code);
    }

    public static PageProgram page(String name, Step... steps) {
        return new PageProgram(name, List.of(steps));
    }

    public static PageProgram page(String name, Duration timeout, Step... steps) {
        return new PageProgram(name, List.of(steps), timeout);
    }

    public static Step.Run run(String path, int line, String code) {
        return new Step.Run(src(path, line, code));
    }

    public static Step.Load load(String path, int line, String code) {
        return new Step.Load(src(path, line, code));
    }

    public static Step.Value value(String path, int line, String code) {
        return new Step.Value(src(path, line, code));
    }
}
