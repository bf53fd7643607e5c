package dev.llmqa.prose;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the computed-looking numbers in a run of prose text: a figure with a unit ({@code 4.80 bits},
 * {@code 3.35 TB/s}, {@code 80GB}, {@code 67.5%}, {@code 1.4T tokens}, {@code $5}), a multiplier ({@code 3×},
 * {@code 2x}), a number with four or more digits ({@code 68,976,648,192}, {@code 406.4}) or in e-notation
 * ({@code 989e12}), and a count with a decimal magnitude ({@code 46.7B}). What passes: years (1900–2099, bare),
 * decades ({@code 1990s}), arXiv ids after "arXiv", versions ({@code 1.2.3}), ordinals, size classes
 * ({@code 70B}, {@code 128K}), numbers glued to a name ({@code H100}, {@code Llama-2-70B}, {@code GPT-4o}),
 * model numbers after a capitalised product word ({@code RTX 4090}), small figures that are definitions (a
 * one-digit whole number of bits, bytes, FLOPs, tokens or parameters: {@code 2 bytes per parameter}), and
 * anything else with three digits or fewer.
 */
final class Figures {

    static final Set<String> UNITS = Set.of(
            "B", "kB", "KB", "MB", "GB", "TB", "PB", "KiB", "MiB", "GiB", "TiB", "byte", "bytes", "bit", "bits",
            "Gb", "Tb", "Gbps",
            "FLOP", "FLOPs", "FLOPS", "GFLOPS", "TFLOPS", "PFLOPS", "EFLOPS", "GFLOP", "TFLOP", "PFLOP",
            "B/s", "FLOP/s", "GFLOP/s", "TFLOP/s", "PFLOP/s", "GB/s", "TB/s", "MB/s", "GiB/s", "TiB/s", "Gb/s",
            "tokens/s", "token/s", "tok/s", "ms", "s", "µs", "us", "ns", "sec", "second", "seconds", "min",
            "minute", "minutes", "hour", "hours", "days", "GPU-hours", "W", "kW", "MW", "GHz", "MHz",
            "parameter", "parameters", "params", "token", "tokens", "points", "pp", "percent");

    /** Units whose one-digit amounts are usually definitions (FP16 is 2 bytes), not results. */
    private static final Set<String> COUNTED = Set.of("byte", "bytes", "bit", "bits", "FLOP", "FLOPs",
            "parameter", "parameters", "token", "tokens");

    private static final Set<String> MAGNITUDES = Set.of("k", "K", "M", "B", "T");
    private static final Set<String> ORDINALS = Set.of("st", "nd", "rd", "th");
    private static final String CURRENCIES = "$€£";
    private static final char TIMES = '×';

    private Figures() {
    }

    static List<Figure> in(CharSequence text) {
        List<Figure> found = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isLetter(c) || c == '_') {
                i = afterProduct(text, i);
            } else if (Numeral.digit(c)) {
                i = figure(text, Numeral.read(text, i, ","), found);
            } else {
                i++;
            }
        }
        return List.copyOf(found);
    }

    /** Classifies the number {@code n}, adds it to {@code found} if it looks computed; returns where to go on. */
    private static int figure(CharSequence text, Numeral n, List<Figure> found) {
        int at = n.end();
        if (n.version() || arXiv(text, n)) {
            return afterName(text, at);
        }
        String suffix = suffix(text, at);
        int end = at + suffix.length();
        if (currency(text, n.start())) {
            return add(text, n.start() - 1, Math.max(end, unitAfter(text, end)), found);
        }
        if (!suffix.isEmpty()) {
            return glued(text, n, suffix, found);
        }
        if (at < text.length() && (text.charAt(at) == '%' || multiplier(text, at))) {
            return add(text, n.start(), at + 1, found);
        }
        if (at + 1 < text.length() && text.charAt(at) == '-' && Character.isLetter(text.charAt(at + 1))) {
            // an adjective such as 4-bit or 128-token names a kind of thing, not an amount; 2048-token is no year
            int word = afterName(text, at + 1);
            boolean unit = UNITS.contains(text.subSequence(at + 1, word).toString());
            return looksComputed(text, n) || (unit && n.digits() >= 4) ? add(text, n.start(), at, found) : word;
        }
        int unit = unitAfter(text, at);
        if (unit > at && !definition(text, n, at, unit)) {
            return add(text, n.start(), unit, found);
        }
        int sign = skipSpaces(text, at);
        if (sign > at && sign < text.length() && multiplier(text, sign)) {
            return add(text, n.start(), sign + 1, found);
        }
        return looksComputed(text, n) ? add(text, n.start(), at, found) : at;
    }

    /** A number with letters glued to it: a unit (80GB), a multiplier (2x), a magnitude (70B, 46.7B) or a name. */
    private static int glued(CharSequence text, Numeral n, String suffix, List<Figure> found) {
        int end = n.end() + suffix.length();
        if (suffix.equals("s") && n.year(text)) {
            return end;
        }
        if (MAGNITUDES.contains(suffix)) {
            // 70B and 128K (tokens) name a size class; 46.7B and 1.4T are measurements
            return n.fraction() ? add(text, n.start(), unitAfter(text, end), found) : end;
        }
        boolean times = suffix.equals("x") && (end >= text.length() || !Character.isLetterOrDigit(text.charAt(end)));
        if (UNITS.contains(suffix) || times) {
            return add(text, n.start(), end, found);
        }
        return afterName(text, n.end());
    }

    private static boolean looksComputed(CharSequence text, Numeral n) {
        return n.exponent() || (n.digits() >= 4 && !n.year(text));
    }

    private static boolean definition(CharSequence text, Numeral n, int at, int unitEnd) {
        String unit = text.subSequence(skipSpaces(text, at), unitEnd).toString();
        return n.plain() && n.digits() == 1 && COUNTED.contains(unit);
    }

    private static int add(CharSequence text, int start, int end, List<Figure> found) {
        found.add(new Figure(start, end, text.subSequence(start, end).toString()));
        return end;
    }

    /** {@code ×} not followed by a number (that would be a product or a size, {@code 2×8}). */
    private static boolean multiplier(CharSequence text, int at) {
        if (text.charAt(at) != TIMES) {
            return false;
        }
        int next = skipSpaces(text, at + 1);
        return next >= text.length() || !Numeral.digit(text.charAt(next));
    }

    /** The end of a unit word after spaces at {@code at} ({@code 3.35 TB/s}), or {@code at} when there is none. */
    private static int unitAfter(CharSequence text, int at) {
        int from = skipSpaces(text, at);
        if (from == at || from >= text.length()) {
            return at;
        }
        int end = from;
        while (end < text.length() && (Character.isLetter(text.charAt(end)) || text.charAt(end) == '/'
                || text.charAt(end) == '-')) {
            end++;
        }
        while (end > from && (text.charAt(end - 1) == '/' || text.charAt(end - 1) == '-')) {
            end--;
        }
        String word = text.subSequence(from, end).toString();
        if (UNITS.contains(word)) {
            return end;
        }
        int part = from;
        while (part < end && Character.isLetter(text.charAt(part))) {
            part++;
        }
        return part < end && UNITS.contains(text.subSequence(from, part).toString()) ? part : at;
    }

    /** Letters glued to a number, with one {@code /letters} ({@code GB/s}); empty when there are none. */
    private static String suffix(CharSequence text, int at) {
        int end = at;
        while (end < text.length() && (Character.isLetter(text.charAt(end)))) {
            end++;
        }
        if (end > at && end + 1 < text.length() && text.charAt(end) == '/' && Character.isLetter(text.charAt(end + 1))) {
            int unit = end + 1;
            while (unit < text.length() && Character.isLetter(text.charAt(unit))) {
                unit++;
            }
            if (UNITS.contains(text.subSequence(at, unit).toString())) {
                end = unit;
            }
        }
        String letters = text.subSequence(at, end).toString();
        return ORDINALS.contains(letters.toLowerCase(Locale.ROOT)) ? "th" : letters;
    }

    /** After a word that has letters and maybe digits, joined by {@code - . _}: a name such as Llama-2-70B. */
    private static int afterName(CharSequence text, int at) {
        int end = at;
        while (end < text.length()) {
            char c = text.charAt(end);
            if (Character.isLetterOrDigit(c) || c == '_') {
                end++;
            } else if ((c == '-' || c == '.') && end + 1 < text.length()
                    && Character.isLetterOrDigit(text.charAt(end + 1))) {
                end++;
            } else {
                break;
            }
        }
        return end;
    }

    /**
     * After a name and what a product name adds to it after a space: the model number after a line written in
     * capitals (RTX 4090) or the memory of a model (A100 80GB).
     */
    private static int afterProduct(CharSequence text, int at) {
        boolean line = productWord(text, at);
        int end = afterName(text, at);
        boolean model = line || hasDigit(text, at, end);
        if (end + 1 < text.length() && text.charAt(end) == ' ' && Numeral.digit(text.charAt(end + 1))) {
            int next = afterName(text, end + 1);
            String word = text.subSequence(end + 1, next).toString();
            if (line || (model && word.matches("\\d+[A-Za-z]+") && UNITS.contains(word.replaceFirst("^\\d+", "")))) {
                return next;
            }
        }
        return end;
    }

    private static boolean hasDigit(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Numeral.digit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** A product line written in capitals whose model number follows a space: RTX 4090, GTX 1080. */
    private static boolean productWord(CharSequence text, int at) {
        if (at > 0 && Character.isLetterOrDigit(text.charAt(at - 1))) {
            return false;
        }
        int end = at;
        while (end < text.length() && Character.isUpperCase(text.charAt(end))) {
            end++;
        }
        return end - at >= 2 && (end >= text.length() || !Character.isLetterOrDigit(text.charAt(end)));
    }

    private static boolean arXiv(CharSequence text, Numeral n) {
        String before = text.subSequence(Math.max(0, n.start() - 6), n.start()).toString().toLowerCase(Locale.ROOT);
        return (before.endsWith("arxiv:") || before.endsWith("arxiv ")) && n.fraction();
    }

    private static boolean currency(CharSequence text, int at) {
        return at > 0 && CURRENCIES.indexOf(text.charAt(at - 1)) >= 0;
    }

    private static int skipSpaces(CharSequence text, int at) {
        while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\u00A0'
                || text.charAt(at) == '\u202F' || text.charAt(at) == '\u2009')) {
            at++;
        }
        return at;
    }
}
