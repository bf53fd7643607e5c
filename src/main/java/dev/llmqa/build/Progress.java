package dev.llmqa.build;

import dev.llmqa.problem.Problem;
import java.time.Duration;

/** Where the pipeline reports each finished stage: one line with counts and time. */
@FunctionalInterface
public interface Progress {

    Progress SILENT = (stage, summary, took) -> { };

    void stage(String stage, String summary, Duration took);

    /** The build waits for something outside it (another build of the project). */
    default void waiting(String message) {
    }

    /** A problem that does not stop the build. */
    default void warning(Problem problem) {
    }
}
