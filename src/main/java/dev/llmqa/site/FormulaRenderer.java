package dev.llmqa.site;

/** Renders a formula with what the math stage typeset for it. */
public interface FormulaRenderer {

    String render(Formula formula, Page page);
}
