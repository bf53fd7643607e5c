package dev.llmqa.snippet.pool;

import dev.llmqa.problem.Problem;
import java.util.List;
import java.util.Optional;

/**
 * What a page's steps produced, up to and including the first failing step.
 *
 * @param completed whether every step ran and none failed
 */
public record PageResult(String page, List<StepResult> steps, boolean completed) {

    public PageResult {
        steps = List.copyOf(steps);
    }

    /** The problem that stopped the page, if one did. */
    public Optional<Problem> failure() {
        return steps.stream().map(StepResult::failure).flatMap(Optional::stream).findFirst();
    }
}
