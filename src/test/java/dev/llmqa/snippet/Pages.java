package dev.llmqa.snippet;

import java.time.Duration;
import java.util.List;

/** Small builders for page programs in tests. */
final class Pages {

    private Pages() {
    }

    static Source src(String path, int line, String code) {
        return new Source(path, line, code);
    }

    static PageProgram page(String name, Step... steps) {
        return new PageProgram(name, List.of(steps));
    }

    static PageProgram page(String name, Duration timeout, Step... steps) {
        return new PageProgram(name, List.of(steps), timeout);
    }

    static Step.Run run(String path, int line, String code) {
        return new Step.Run(src(path, line, code));
    }

    static Step.Load load(String path, int line, String code) {
        return new Step.Load(src(path, line, code));
    }

    static Step.Value value(String path, int line, String code) {
        return new Step.Value(src(path, line, code));
    }
}
