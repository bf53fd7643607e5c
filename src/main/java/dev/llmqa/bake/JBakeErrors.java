package dev.llmqa.bake;

import dev.llmqa.config.SiteConfig;
import dev.llmqa.problem.Problem;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns JBake's errors into problems. JBake keeps only the messages of template failures (not the exceptions),
 * so the template, line and column are read from FreeMarker's message text: {@code in template "x.ftl" in line
 * 13, column 12} (syntax) or {@code [in template "x.ftl" at line 5, column 3]} (evaluation).
 */
final class JBakeErrors {

    private static final Pattern WHERE =
            Pattern.compile("template \"([^\"]+)\"\\s+(?:in|at) line (\\d+), column (\\d+)");
    private static final Pattern SYNTAX = Pattern.compile("column \\d+:\\s*(.+?)(?:\\s+Help \\(latest version\\)|$)");
    private static final Pattern CAUSE = Pattern.compile("Cause: (?:freemarker\\.[\\w.]+: )?(.+?)(?:\\s*\\[in template|$)");

    private JBakeErrors() {
    }

    static Set<Problem> toProblems(Throwable error) {
        Set<Problem> problems = new LinkedHashSet<>();
        for (String failure : Render.rootMessage(error).split("(?=Failed to render file )")) {
            Matcher where = WHERE.matcher(failure);
            if (where.find()) {
                problems.add(new Problem(SiteConfig.TEMPLATES + "/" + where.group(1), Integer.parseInt(where.group(2)),
                        Integer.parseInt(where.group(3)), "template error: " + what(failure),
                        "Fix the template at that line (FreeMarker syntax: https://freemarker.apache.org/docs/);"
                                + " a value a page may lack needs a default, e.g. ${content.summary!\"\"}."));
            }
        }
        if (problems.isEmpty()) {
            problems.add(Problem.at(SiteConfig.TEMPLATES, 0, "JBake could not render: " + Render.rootMessage(error),
                    "Run again with -v to see JBake's log."));
        }
        return problems;
    }

    private static String what(String failure) {
        Matcher syntax = SYNTAX.matcher(failure);
        if (failure.contains("Syntax error") && syntax.find()) {
            return syntax.group(1).strip();
        }
        Matcher cause = CAUSE.matcher(failure);
        String text = cause.find() ? cause.group(1) : failure;
        return text.length() > 300 ? text.substring(0, 297) + "..." : text.strip();
    }
}
