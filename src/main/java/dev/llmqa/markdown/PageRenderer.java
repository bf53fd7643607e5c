package dev.llmqa.markdown;

import dev.llmqa.site.Block;
import dev.llmqa.site.BodyParts;
import dev.llmqa.site.Formula;
import dev.llmqa.site.InlineValue;
import dev.llmqa.site.Page;
import dev.llmqa.site.Renderers;
import java.util.ArrayList;
import java.util.List;

/** Renders a page's parsed body to HTML, giving each fenced block, inline value and formula to its renderer. */
public final class PageRenderer {

    private final Renderers renderers;

    public PageRenderer(Renderers renderers) {
        this.renderers = renderers;
    }

    public String render(Page page) {
        return Markdown.renderer(page, renderers).render(page.parsed().document());
    }

    /**
     * What the body embeds from the renderers, without rendering the markdown: for each block, value and formula
     * what {@link FencedBlockDispatch} would put in its place (nothing where flexmark renders it from the markdown).
     */
    public BodyParts parts(Page page, String exampleFile) {
        List<String> parts = new ArrayList<>();
        for (Block block : page.blocks()) {
            parts.add(renderers.forKind(block.kind()).map(r -> "block\0" + r.render(block, page)).orElse("markdown"));
        }
        for (InlineValue value : page.values()) {
            parts.add(renderers.inline().map(r -> "value\0" + r.render(value, page)).orElse("markdown"));
        }
        for (Formula formula : page.formulas()) {
            parts.add(renderers.formulas().map(r -> "formula\0" + r.render(formula, page)).orElse("markdown"));
        }
        return new BodyParts(parts, exampleFile);
    }
}
