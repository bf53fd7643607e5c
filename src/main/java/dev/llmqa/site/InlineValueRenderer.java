package dev.llmqa.site;

/** Renders an inline value ({@code `= expr`}) with what the snippet stage computed for it. */
public interface InlineValueRenderer {

    String render(InlineValue value, Page page);
}
