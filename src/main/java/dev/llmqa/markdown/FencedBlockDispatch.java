package dev.llmqa.markdown;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import dev.llmqa.site.Page;
import dev.llmqa.site.Parsed;
import dev.llmqa.site.Renderers;
import java.util.Optional;
import java.util.Set;

/**
 * Handles its own case, delegates the rest: a fenced block whose kind has a renderer is rendered by it, an inline
 * value by the inline renderer, a formula by the formula renderer; everything else goes to flexmark's own rendering.
 * Each node is looked up by the node itself in what the scan extracted from this very tree.
 */
final class FencedBlockDispatch implements NodeRenderer {

    private final Page page;
    private final Parsed parsed;
    private final Renderers renderers;

    /** @param page the page being rendered, or null for markdown that is no page (then nothing is dispatched) */
    FencedBlockDispatch(Page page, Renderers renderers) {
        this.page = page;
        this.parsed = page == null ? null : page.parsed();
        this.renderers = renderers;
    }

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(new NodeRenderingHandler<>(FencedCodeBlock.class, this::render),
                new NodeRenderingHandler<>(Code.class, this::renderCode),
                new NodeRenderingHandler<>(MathSpan.class, this::renderMath));
    }

    private void renderMath(MathSpan node, NodeRendererContext context, HtmlWriter html) {
        Optional<String> typeset = parsed == null ? Optional.empty()
                : renderers.formulas().flatMap(r -> parsed.formula(node).map(f -> r.render(f, page)));
        html.raw(typeset.orElseGet(() -> MathExtension.asTex(node)));
    }

    private void renderCode(Code node, NodeRendererContext context, HtmlWriter html) {
        Optional<String> computed = parsed == null ? Optional.empty()
                : renderers.inline().flatMap(r -> parsed.value(node).map(v -> r.render(v, page)));
        if (computed.isPresent()) {
            html.raw(computed.get());
        } else {
            context.delegateRender();
        }
    }

    private void render(FencedCodeBlock node, NodeRendererContext context, HtmlWriter html) {
        Optional<String> rendered = parsed == null ? Optional.empty()
                : parsed.block(node).flatMap(block -> renderers.forKind(block.kind()).map(r -> r.render(block, page)));
        if (rendered.isPresent()) {
            html.line();
            html.openPre();
            html.rawPre(rendered.get());
            html.closePre();
            html.line();
        } else {
            context.delegateRender();
        }
    }
}
