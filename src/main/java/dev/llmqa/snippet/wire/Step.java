package dev.llmqa.snippet.wire;

import java.util.List;
import java.util.Objects;

/** One thing a page asks of its JShell session; steps run in order and share the session. */
public sealed interface Step permits Step.Load, Step.Run, Step.Transcript, Step.Value {

    /** The sources this step evaluates, in order. */
    List<Source> sources();

    /** An example file: every snippet is evaluated, output is discarded, any error fails the page. */
    record Load(Source source) implements Step {
        public Load {
            Objects.requireNonNull(source, "source");
        }

        @Override
        public List<Source> sources() {
            return List.of(source);
        }
    }

    /** An executed {@code ```java} block: every snippet is evaluated and what it prints is captured. */
    record Run(Source source) implements Step {
        public Run {
            Objects.requireNonNull(source, "source");
        }

        @Override
        public List<Source> sources() {
            return List.of(source);
        }
    }

    /** A jshell transcript: each source is one input; the result shows what the jshell tool would print for it. */
    record Transcript(List<Source> inputs) implements Step {
        public Transcript {
            inputs = List.copyOf(inputs);
        }

        @Override
        public List<Source> sources() {
            return inputs;
        }
    }

    /** An inline expression: its value as jshell shows it, a String as it is (unquoted). */
    record Value(Source source) implements Step {
        public Value {
            Objects.requireNonNull(source, "source");
        }

        @Override
        public List<Source> sources() {
            return List.of(source);
        }
    }
}
