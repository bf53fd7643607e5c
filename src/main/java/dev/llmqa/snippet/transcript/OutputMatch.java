package dev.llmqa.snippet.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a transcript's expected output with what jshell printed, the way a reader would: {@code $N} matches
 * any N, runs of whitespace are equal, and numbers are equal within a relative tolerance, so a JDK's last-digit
 * double formatting does not break a page.
 */
public final class OutputMatch {

    public static final double DEFAULT_TOLERANCE = 1e-9;

    private static final Pattern TOKEN = Pattern.compile(
            "(?<var>\\$\\d+)|(?<num>[-+]?(?:\\d[\\d_]*(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?)|(?<space>\\s+)|(?<text>.)");

    private OutputMatch() {
    }

    /** The index of the first expected line that differs (expected.size() when actual has extra lines), if any. */
    public static Optional<Integer> firstDifference(List<String> expected, List<String> actual, double tolerance) {
        List<String> want = trimTrailingBlank(expected);
        List<String> got = trimTrailingBlank(actual);
        for (int i = 0; i < Math.max(want.size(), got.size()); i++) {
            if (i >= want.size() || i >= got.size() || !linesMatch(want.get(i), got.get(i), tolerance)) {
                return Optional.of(Math.min(i, want.size()));
            }
        }
        return Optional.empty();
    }

    static boolean linesMatch(String expected, String actual, double tolerance) {
        List<String[]> a = tokens(expected.strip());
        List<String[]> b = tokens(actual.strip());
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            String kind = a.get(i)[0];
            if (!kind.equals(b.get(i)[0])) {
                return false;
            }
            String x = a.get(i)[1];
            String y = b.get(i)[1];
            boolean same = switch (kind) {
                case "var", "space" -> true;
                case "num" -> numbersMatch(x, y, tolerance);
                default -> x.equals(y);
            };
            if (!same) {
                return false;
            }
        }
        return true;
    }

    private static boolean numbersMatch(String x, String y, double tolerance) {
        if (x.equals(y)) {
            return true;
        }
        try {
            double a = Double.parseDouble(x.replace("_", ""));
            double b = Double.parseDouble(y.replace("_", ""));
            return Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static List<String[]> tokens(String line) {
        List<String[]> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(line);
        while (m.find()) {
            for (String kind : new String[] {"var", "num", "space", "text"}) {
                if (m.group(kind) != null) {
                    int last = tokens.size() - 1;
                    if (kind.equals("text") && last >= 0 && tokens.get(last)[0].equals("text")) {
                        tokens.set(last, new String[] {"text", tokens.get(last)[1] + m.group(kind)});
                    } else {
                        tokens.add(new String[] {kind, m.group(kind)});
                    }
                    break;
                }
            }
        }
        return tokens;
    }

    private static List<String> trimTrailingBlank(List<String> lines) {
        int end = lines.size();
        while (end > 0 && lines.get(end - 1).isBlank()) {
            end--;
        }
        return lines.subList(0, end);
    }
}
