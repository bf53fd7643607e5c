package dev.llmqa.prose;

/**
 * The digits of a number as written: {@code 68,976,648,192}, {@code 4.80}, {@code 989e12}, {@code 1.2.3}.
 *
 * @param start    offset of the first digit
 * @param end      offset after the last character of the number
 * @param digits   how many digits it has, fraction included, exponent not
 * @param plain    nothing but digits (no grouping, fraction or exponent), as a year is written
 * @param fraction it has a decimal point
 * @param exponent it is in e-notation ({@code 989e12})
 * @param version  it has two or more dots ({@code 1.2.3}), so it is a version, not a quantity
 */
record Numeral(int start, int end, int digits, boolean plain, boolean fraction, boolean exponent, boolean version) {

    /** The number that starts at {@code start}, a digit; groups are {@code ,} followed by exactly three digits. */
    static Numeral read(CharSequence text, int start, String groupMark) {
        int at = skipDigits(text, start);
        int digits = at - start;
        boolean grouped = false;
        while (text.length() > at + groupMark.length() && startsWith(text, at, groupMark)
                && group(text, at + groupMark.length())) {
            at += groupMark.length() + 3;
            digits += 3;
            grouped = true;
        }
        int dots = 0;
        while (at + 1 < text.length() && text.charAt(at) == '.' && digit(text.charAt(at + 1))) {
            int after = skipDigits(text, at + 1);
            digits += after - at - 1;
            at = after;
            dots++;
        }
        boolean exponent = false;
        if (at + 1 < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
            int sign = text.charAt(at + 1) == '-' || text.charAt(at + 1) == '+' ? 1 : 0;
            if (at + 1 + sign < text.length() && digit(text.charAt(at + 1 + sign))) {
                at = skipDigits(text, at + 1 + sign);
                exponent = true;
            }
        }
        return new Numeral(start, at, digits, !grouped && dots == 0 && !exponent, dots == 1, exponent, dots >= 2);
    }

    /** 1900 to 2099 written as four plain digits. */
    boolean year(CharSequence text) {
        if (!plain || digits != 4) {
            return false;
        }
        int value = Integer.parseInt(text.subSequence(start, end).toString());
        return value >= 1900 && value <= 2099;
    }

    static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean group(CharSequence text, int at) {
        return at + 3 <= text.length() && skipDigits(text, at) == at + 3;
    }

    private static int skipDigits(CharSequence text, int at) {
        while (at < text.length() && digit(text.charAt(at))) {
            at++;
        }
        return at;
    }

    private static boolean startsWith(CharSequence text, int at, String mark) {
        return text.subSequence(at, at + mark.length()).toString().equals(mark);
    }
}
