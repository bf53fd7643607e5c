package dev.llmqa.snippet.render;

import dev.llmqa.snippet.Snippets;

import dev.llmqa.site.InlineValueRenderer;
import dev.llmqa.site.InlineValue;
import dev.llmqa.site.Page;
import dev.llmqa.site.Spot;

/** An inline value becomes its computed text; hovering shows the expression that produced it. */
public final class ValueRenderer implements InlineValueRenderer {

    private final Snippets snippets;

    public ValueRenderer(Snippets snippets) {
        this.snippets = snippets;
    }

    @Override
    public String render(InlineValue value, Page page) {
        String computed = snippets.computed(Spot.of(page, value))
                .map(Snippets.Computed::value).orElse("= " + value.expression());
        return "<span class=\"computed\" title=\"" + Html.text("= " + value.expression()) + "\">" + Html.text(computed) + "</span>";
    }
}
