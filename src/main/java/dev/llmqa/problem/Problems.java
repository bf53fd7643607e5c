package dev.llmqa.problem;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of a build, from any thread, so the build can fail once with all of them. */
public final class Problems {

    private final List<Problem> found = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();

    /** Something a reader should know that does not stop the build (e.g. a diagram drawn in the browser). */
    public synchronized void warn(Problem problem) {
        warnings.add(problem);
    }

    /** The warnings added since the last call, sorted. */
    public synchronized List<Problem> takeWarnings() {
        List<Problem> taken = new ArrayList<>(warnings);
        warnings.clear();
        taken.sort(Problem.ORDER);
        return List.copyOf(taken);
    }

    public synchronized void add(Problem problem) {
        found.add(problem);
    }

    public void add(String path, int line, String message, String hint) {
        add(Problem.at(path, line, message, hint));
    }

    public synchronized void addAll(List<Problem> problems) {
        found.addAll(problems);
    }

    public synchronized boolean isEmpty() {
        return found.isEmpty();
    }

    public synchronized int size() {
        return found.size();
    }

    /** Sorted by path, line and column, so reports are stable. */
    public synchronized List<Problem> list() {
        List<Problem> sorted = new ArrayList<>(found);
        sorted.sort(Problem.ORDER);
        return List.copyOf(sorted);
    }

    /** A numbered list, one problem per entry, as the build prints it when it fails. */
    public String report() {
        return report(list());
    }

    public static String report(List<Problem> problems) {
        StringBuilder text = new StringBuilder();
        text.append(problems.size()).append(problems.size() == 1 ? " problem" : " problems").append(":\n");
        for (int i = 0; i < problems.size(); i++) {
            String[] lines = problems.get(i).format().split("\n", -1);
            text.append(String.format("%3d. %s%n", i + 1, lines[0]));
            for (int j = 1; j < lines.length; j++) {
                text.append("    ").append(lines[j]).append(System.lineSeparator());
            }
        }
        return text.toString();
    }
}
