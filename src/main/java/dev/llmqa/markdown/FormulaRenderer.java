package dev.llmqa.markdown;

import dev.llmqa.site.Formula;
import dev.llmqa.site.Page;
import dev.llmqa.site.Site;

/** Renders a formula with what the execute stage typeset for it. */
public interface FormulaRenderer {

    String render(Formula formula, Page page, Site site);
}
