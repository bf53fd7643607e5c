package dev.llmqa.math;

import dev.llmqa.site.FormulaRenderer;
import dev.llmqa.site.Formula;
import dev.llmqa.site.Page;
import dev.llmqa.site.Spot;

/** A formula becomes its KaTeX HTML (a display formula in a block of its own). */
public final class KatexRenderer implements FormulaRenderer {

    private final Typesetting typesetting;

    public KatexRenderer(Typesetting typesetting) {
        this.typesetting = typesetting;
    }

    @Override
    public String render(Formula formula, Page page) {
        return typesetting.at(Spot.of(page, formula))
                .map(t -> "<span class=\"math " + (formula.display() ? "display" : "inline") + "\">" + t.html() + "</span>")
                .orElseThrow(() -> new IllegalStateException("no typeset math at " + page.path() + ":" + formula.line()));
    }
}
