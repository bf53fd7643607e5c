package dev.llmqa.prose;

/**
 * A computed-looking number found in a piece of text: a figure with a unit, a multiplier, or a number with four
 * or more digits.
 *
 * @param start offset of its first character in the text it was found in
 * @param end   offset after its last character (the unit or multiplier sign included)
 * @param shown the number as written, with its unit
 */
record Figure(int start, int end, String shown) {
}
