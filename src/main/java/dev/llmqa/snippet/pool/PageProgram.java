package dev.llmqa.snippet.pool;

import dev.llmqa.snippet.wire.Step;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one page runs, in order, in one fresh JShell session.
 *
 * @param page           the page's path, for messages
 * @param steps          what to run
 * @param timeoutPerStep how long one step may take before its session is stopped
 * @param stepTimeouts   steps that may take a different time (a block's {@code timeout=})
 */
public record PageProgram(String page, List<Step> steps, Duration timeoutPerStep, Map<Step, Duration> stepTimeouts) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public PageProgram {
        Objects.requireNonNull(page, "page");
        steps = List.copyOf(steps);
        stepTimeouts = Map.copyOf(stepTimeouts);
        timeoutPerStep = timeoutPerStep == null ? DEFAULT_TIMEOUT : timeoutPerStep;
        if (timeoutPerStep.isNegative() || timeoutPerStep.isZero()) {
            throw new IllegalArgumentException("timeoutPerStep must be positive: " + timeoutPerStep);
        }
    }

    public PageProgram(String page, List<Step> steps, Duration timeoutPerStep) {
        this(page, steps, timeoutPerStep, Map.of());
    }

    public PageProgram(String page, List<Step> steps) {
        this(page, steps, DEFAULT_TIMEOUT);
    }

    public Duration timeoutFor(Step step) {
        return stepTimeouts.getOrDefault(step, timeoutPerStep);
    }
}
