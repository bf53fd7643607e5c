package dev.llmqa.snippet.pool;

import dev.llmqa.snippet.wire.Step;

import dev.llmqa.problem.Problem;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one step produced.
 *
 * @param step       the step
 * @param output     what the snippets printed (System.out and System.err), capped at 64 KiB
 * @param truncated  whether output was cut; the output then ends with a "… output truncated" line
 * @param transcript for a transcript step, what the jshell tool would print for each input; otherwise empty
 * @param value      for a value step, the value; otherwise null
 * @param took       wall time of the step
 * @param failure    why the step failed, if it did
 */
public record StepResult(Step step, String output, boolean truncated, List<String> transcript,
                         String value, Duration took, Optional<Problem> failure) {

    public StepResult {
        Objects.requireNonNull(step, "step");
        output = output == null ? "" : output;
        transcript = List.copyOf(transcript);
        Objects.requireNonNull(took, "took");
        Objects.requireNonNull(failure, "failure");
    }

    public boolean failed() {
        return failure.isPresent();
    }
}
