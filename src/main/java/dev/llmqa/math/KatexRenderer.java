package dev.llmqa.math;

import dev.llmqa.markdown.FormulaRenderer;
import dev.llmqa.site.Formula;
import dev.llmqa.site.Page;
import dev.llmqa.site.Site;
import dev.llmqa.site.Spot;

/** A formula becomes its KaTeX HTML (a display formula in a block of its own). */
public final class KatexRenderer implements FormulaRenderer {

    @Override
    public String render(Formula formula, Page page, Site site) {
        return site.results().get(Spot.of(page, formula), Typeset.class)
                .map(t -> "<span class=\"math " + (formula.display() ? "display" : "inline") + "\">" + t.html() + "</span>")
                .orElseThrow(() -> new IllegalStateException("no typeset math at " + page.path() + ":" + formula.line()));
    }
}
