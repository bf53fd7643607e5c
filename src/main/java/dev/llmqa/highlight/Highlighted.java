package dev.llmqa.highlight;

/** A code block's highlighted HTML (the inside of its {@code <code>} element). */
public record Highlighted(String html) {
}
