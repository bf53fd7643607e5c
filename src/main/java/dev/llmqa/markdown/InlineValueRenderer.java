package dev.llmqa.markdown;

import dev.llmqa.site.InlineValue;
import dev.llmqa.site.Page;
import dev.llmqa.site.Site;

/** Renders an inline value ({@code `= expr`}) with what the execute stage computed for it. */
public interface InlineValueRenderer {

    String render(InlineValue value, Page page, Site site);
}
