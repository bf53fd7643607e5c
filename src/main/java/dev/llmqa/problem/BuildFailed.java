package dev.llmqa.problem;

import java.util.List;

/** Thrown once at the end of a stage that found problems; carries all of them. */
public final class BuildFailed extends Exception {

    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public BuildFailed(List<Problem> problems) {
        super(Problems.report(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
