package dev.llmqa.markdown;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.data.NullableDataKey;
import dev.llmqa.site.Formula;
import dev.llmqa.site.InlineValue;
import dev.llmqa.site.LineMap;
import dev.llmqa.site.Page;
import dev.llmqa.site.Site;
import java.util.Optional;
import java.util.Set;

/**
 * Handles its own case, delegates the rest: a fenced block whose kind has a {@link BlockRenderer} is rendered
 * by it, an inline value by the {@link InlineValueRenderer}; everything else goes to flexmark's own rendering.
 */
final class FencedBlockDispatch implements NodeRenderer {

    static final DataKey<Optional<Page>> PAGE = new DataKey<>("LLMQA_PAGE", Optional.empty());
    static final NullableDataKey<Site> SITE = new NullableDataKey<>("LLMQA_SITE");

    private final BlockRenderers renderers;

    FencedBlockDispatch(BlockRenderers renderers) {
        this.renderers = renderers;
    }

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(new NodeRenderingHandler<>(FencedCodeBlock.class, this::render),
                new NodeRenderingHandler<>(Code.class, this::renderCode),
                new NodeRenderingHandler<>(MathSpan.class, this::renderMath));
    }

    private void renderMath(MathSpan node, NodeRendererContext context, HtmlWriter html) {
        Optional<Page> page = PAGE.get(node.getDocument());
        Optional<FormulaRenderer> formulas = renderers.formulas();
        Optional<Formula> formula = page.flatMap(p -> p.formulaAt(p.fileLine(node.getStartLineNumber()),
                LineMap.column(node.getDocument().getChars(), node.getStartOffset())));
        if (formulas.isPresent() && formula.isPresent()) {
            html.raw(formulas.get().render(formula.get(), page.get(), SITE.get(node.getDocument())));
        } else {
            html.raw(MathExtension.asTex(node));
        }
    }

    private void renderCode(Code node, NodeRendererContext context, HtmlWriter html) {
        Optional<InlineValueRenderer> inline = renderers.inline();
        Optional<Page> page = PAGE.get(node.getDocument());
        if (inline.isEmpty() || page.isEmpty() || !node.getText().toString().startsWith(InlineValue.MARK)) {
            context.delegateRender();
            return;
        }
        int column = LineMap.column(node.getDocument().getChars(), node.getStartOffset());
        Optional<InlineValue> value = page.get().valueAt(page.get().fileLine(node.getStartLineNumber()), column);
        if (value.isEmpty()) {
            context.delegateRender();
            return;
        }
        html.raw(inline.get().render(value.get(), page.get(), SITE.get(node.getDocument())));
    }

    private void render(FencedCodeBlock node, NodeRendererContext context, HtmlWriter html) {
        Document document = node.getDocument();
        Optional<Page> page = PAGE.get(document);
        Site site = SITE.get(document);
        Optional<String> rendered = page.flatMap(p -> p.blockAt(p.fileLine(node.getStartLineNumber()))
                .flatMap(block -> renderers.forKind(block.kind()).map(r -> r.render(block, p, site))));
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
