package dev.llmqa.markdown;

import dev.llmqa.site.Page;
import dev.llmqa.site.Renderers;

/** Renders a page's parsed body to HTML, giving each fenced block, inline value and formula to its renderer. */
public final class PageRenderer {

    private final Renderers renderers;

    public PageRenderer(Renderers renderers) {
        this.renderers = renderers;
    }

    public String render(Page page) {
        return Markdown.renderer(page, renderers).render(page.parsed().document());
    }
}
