package dev.llmqa.build;

import dev.llmqa.problem.Problem;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A build's progress as a test reads it: the warnings and the waiting messages, in the order they came. */
final class RecordingProgress implements Progress {

    final List<Problem> warnings = new CopyOnWriteArrayList<>();
    final List<String> waited = new CopyOnWriteArrayList<>();

    @Override
    public void stage(String stage, String summary, Duration took) {
    }

    @Override
    public void warning(Problem problem) {
        warnings.add(problem);
    }

    @Override
    public void waiting(String message) {
        waited.add(message);
    }
}
