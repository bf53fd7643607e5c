package dev.llmqa.math;

/** A formula's KaTeX HTML, as the math stage made it. */
public record Typeset(String html) {
}
