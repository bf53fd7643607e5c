package dev.llmqa.cli;

import dev.llmqa.build.Progress;
import dev.llmqa.problem.BuildFailed;
import dev.llmqa.problem.Problem;
import dev.llmqa.problem.Problems;
import java.io.PrintWriter;
import java.time.Duration;

/** What the CLI prints: one line per stage, and problems as a numbered list on stderr. */
final class Console implements Progress {

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean quiet;
    private final boolean githubActions;

    /** @param githubActions also print problems as GitHub Actions annotations, so they show on the pull request */
    Console(PrintWriter out, PrintWriter err, boolean quiet, boolean githubActions) {
        this.out = out;
        this.err = err;
        this.quiet = quiet;
        this.githubActions = githubActions;
    }

    @Override
    public void stage(String stage, String summary, Duration took) {
        info(String.format("  %-16s %-40s %6d ms", stage, summary, took.toMillis()));
    }

    @Override
    public void warning(Problem problem) {
        err.println("warning: " + problem.format());
        if (githubActions) {
            err.println(annotation("warning", problem));
        }
        err.flush();
    }

    @Override
    public void waiting(String message) {
        err.println(message);
        err.flush();
    }

    void info(String line) {
        if (!quiet) {
            out.println(line);
            out.flush();
        }
    }

    void failed(String what, BuildFailed failure) {
        err.println(what + " failed with " + Problems.report(failure.problems()).stripTrailing());
        if (githubActions) {
            failure.problems().forEach(p -> err.println(annotation("error", p)));
        }
        err.flush();
    }

    /** A GitHub Actions workflow command, so the problem shows on the pull request's diff. */
    static String annotation(String level, Problem problem) {
        StringBuilder command = new StringBuilder("::").append(level).append(" file=").append(escapeProperty(problem.path()));
        if (problem.line() > 0) {
            command.append(",line=").append(problem.line());
        }
        if (problem.column() > 0) {
            command.append(",col=").append(problem.column());
        }
        String text = problem.message() + (problem.hint().isEmpty() ? "" : " (" + problem.hint() + ")");
        return command.append("::").append(escapeData(text)).toString();
    }

    private static String escapeData(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String escapeProperty(String text) {
        return escapeData(text).replace(":", "%3A").replace(",", "%2C");
    }

    void error(String line) {
        err.println(line);
        err.flush();
    }

    static String seconds(long startNanos) {
        return String.format("%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }
}
