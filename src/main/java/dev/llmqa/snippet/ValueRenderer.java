package dev.llmqa.snippet;

import dev.llmqa.markdown.InlineValueRenderer;
import dev.llmqa.site.InlineValue;
import dev.llmqa.site.Page;
import dev.llmqa.site.Site;
import dev.llmqa.site.Spot;

/** An inline value becomes its computed text; hovering shows the expression that produced it. */
public final class ValueRenderer implements InlineValueRenderer {

    @Override
    public String render(InlineValue value, Page page, Site site) {
        String computed = site.results().get(Spot.of(page, value), Outputs.Computed.class)
                .map(Outputs.Computed::value).orElse("= " + value.expression());
        return "<span class=\"computed\" title=\"" + Html.text("= " + value.expression()) + "\">" + Html.text(computed) + "</span>";
    }
}
