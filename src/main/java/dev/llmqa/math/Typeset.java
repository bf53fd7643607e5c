package dev.llmqa.math;

/** A formula's KaTeX HTML, as stored in the site's results. */
public record Typeset(String html) {
}
