package dev.llmqa.prose;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the computed-looking numbers in TeX: a figure in scientific notation ({@code 989 \times 10^{12}}), one
 * with a unit ({@code 3.35\ \text{TB/s}}, {@code 40\%}), or one with four or more digits ({@code 68{,}976}).
 * Constants of a formula ({@code 2}, {@code 0.5}, {@code 10^{12}} alone, exponents and subscripts) pass, and so
 * does {@code 2 \times N}: a formula may multiply. Text inside {@code \text{…}} is prose and checked as prose.
 */
final class TexFigures {

    private static final Set<String> TEXT_COMMANDS = Set.of("text", "textrm", "mathrm", "mbox", "textnormal");
    private static final Set<String> TIMES = Set.of("\\times", "\\cdot");

    private TexFigures() {
    }

    static List<Figure> in(CharSequence tex) {
        List<Figure> found = new ArrayList<>();
        int i = 0;
        while (i < tex.length()) {
            char c = tex.charAt(i);
            if (c == '\\') {
                i = command(tex, i, found);
            } else if (Numeral.digit(c) && !script(tex, i) && (i == 0 || !Character.isLetter(tex.charAt(i - 1)))) {
                i = number(tex, Numeral.read(tex, i, "{,}"), found);
            } else {
                i++;
            }
        }
        return List.copyOf(found);
    }

    /** Skips a command; the argument of {@code \text{…}} is prose, so its figures are found as in prose. */
    private static int command(CharSequence tex, int at, List<Figure> found) {
        int end = at + 1;
        while (end < tex.length() && Character.isLetter(tex.charAt(end))) {
            end++;
        }
        if (end == at + 1) {
            return Math.min(end + 1, tex.length());
        }
        String name = tex.subSequence(at + 1, end).toString();
        int close = argumentEnd(tex, end);
        if (TEXT_COMMANDS.contains(name) && close > end) {
            for (Figure figure : Figures.in(tex.subSequence(end + 1, close - 1))) {
                found.add(new Figure(end + 1 + figure.start(), end + 1 + figure.end(), figure.shown()));
            }
            return close;
        }
        return end;
    }

    private static int number(CharSequence tex, Numeral n, List<Figure> found) {
        int after = skipSpacing(tex, n.end());
        String times = TIMES.stream().filter(t -> startsWith(tex, after, t)).findFirst().orElse("");
        if (!times.isEmpty()) {
            int ten = skipSpacing(tex, after + times.length());
            if (startsWith(tex, ten, "10^")) {
                int end = unit(tex, argumentEnd(tex, ten + 3));
                return add(tex, n.start(), end, found);
            }
        }
        int end = unit(tex, n.end());
        if (end > n.end() || n.digits() >= 4 || n.exponent()) {
            return add(tex, n.start(), end, found);
        }
        return n.end();
    }

    /** The end of a unit after {@code at} ({@code \%}, {@code \ \text{GB}}), or {@code at} when none follows. */
    private static int unit(CharSequence tex, int at) {
        int from = skipSpacing(tex, at);
        if (startsWith(tex, from, "\\%")) {
            return from + 2;
        }
        for (String command : TEXT_COMMANDS) {
            int open = from + command.length() + 1;
            if (startsWith(tex, from, "\\" + command) && startsWith(tex, open, "{")) {
                int close = argumentEnd(tex, open);
                String word = tex.subSequence(open + 1, close - 1).toString().strip();
                return Figures.UNITS.contains(word) ? close : at;
            }
        }
        return at;
    }

    /** After a {@code {…}} group at {@code at} (nested groups included), or after one character. */
    private static int argumentEnd(CharSequence tex, int at) {
        if (at >= tex.length()) {
            return at;
        }
        if (tex.charAt(at) != '{') {
            return tex.charAt(at) == '-' && at + 1 < tex.length() ? at + 2 : at + 1;
        }
        int depth = 0;
        for (int i = at; i < tex.length(); i++) {
            if (tex.charAt(i) == '{') {
                depth++;
            } else if (tex.charAt(i) == '}' && --depth == 0) {
                return i + 1;
            }
        }
        return tex.length();
    }

    /** An exponent or subscript: {@code ^2}, {@code _{12}}. */
    private static boolean script(CharSequence tex, int at) {
        int before = at - 1;
        while (before >= 0 && (tex.charAt(before) == ' ' || tex.charAt(before) == '{' || tex.charAt(before) == '-')) {
            before--;
        }
        return before >= 0 && (tex.charAt(before) == '^' || tex.charAt(before) == '_');
    }

    /** Past spaces and TeX's spacing commands ({@code \ }, {@code \,}, {@code \;}, {@code ~}). */
    private static int skipSpacing(CharSequence tex, int at) {
        while (at < tex.length()) {
            char c = tex.charAt(at);
            if (Character.isWhitespace(c) || c == '~') {
                at++;
            } else if (c == '\\' && at + 1 < tex.length() && " ,;:!".indexOf(tex.charAt(at + 1)) >= 0) {
                at += 2;
            } else {
                break;
            }
        }
        return at;
    }

    private static int add(CharSequence tex, int start, int end, List<Figure> found) {
        found.add(new Figure(start, end, tex.subSequence(start, end).toString()));
        return end;
    }

    private static boolean startsWith(CharSequence tex, int at, String prefix) {
        return at + prefix.length() <= tex.length() && tex.subSequence(at, at + prefix.length()).toString().equals(prefix);
    }
}
