package dev.llmqa.markdown;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.util.ast.Document;
import dev.llmqa.site.Page;
import dev.llmqa.site.Site;
import java.util.Optional;

/** Renders a page's markdown body to HTML, giving each fenced block to the renderer of its kind. */
public final class PageRenderer {

    private final HtmlRenderer renderer;

    public PageRenderer(BlockRenderers blocks) {
        this.renderer = Markdown.renderer(blocks);
    }

    public String render(Page page, Site site) {
        Document document = Markdown.parse(page.body());
        document.set(FencedBlockDispatch.PAGE, Optional.of(page));
        document.set(FencedBlockDispatch.SITE, site);
        return renderer.render(document);
    }
}
