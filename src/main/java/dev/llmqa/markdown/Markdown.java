package dev.llmqa.markdown;

import com.vladsch.flexmark.ext.admonition.AdmonitionExtension;
import com.vladsch.flexmark.ext.anchorlink.AnchorLinkExtension;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.DataHolder;
import dev.llmqa.site.Renderers;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;
import java.util.List;

/**
 * The one flexmark configuration of the project: tables, fenced code, strikethrough, autolinks, heading ids,
 * footnotes, admonitions, {@code $…$} math kept as TeX, no hard wraps. The scan parses each page with it once; the
 * render stage renders that tree with the same options.
 */
public final class Markdown {

    private static final List<Extension> EXTENSIONS = List.of(
            TablesExtension.create(),
            StrikethroughExtension.create(),
            AutolinkExtension.create(),
            FootnoteExtension.create(),
            AnchorLinkExtension.create(),
            AdmonitionExtension.create(),
            MathExtension.create());

    private static final DataHolder OPTIONS = new MutableDataSet()
            .set(Parser.EXTENSIONS, EXTENSIONS)
            // line numbers by binary search over the lines the parser saw, not by counting from the start each time
            .set(Parser.TRACK_DOCUMENT_LINES, true)
            .set(HtmlRenderer.GENERATE_HEADER_ID, true)
            .set(HtmlRenderer.RENDER_HEADER_ID, true)
            .set(HtmlRenderer.SOFT_BREAK, "\n")
            .set(HtmlRenderer.FENCED_CODE_LANGUAGE_CLASS_PREFIX, "language-")
            .set(AnchorLinkExtension.ANCHORLINKS_WRAP_TEXT, true)
            .set(AnchorLinkExtension.ANCHORLINKS_SET_ID, false)
            .set(AnchorLinkExtension.ANCHORLINKS_ANCHOR_CLASS, "anchor")
            .set(AnchorLinkExtension.ANCHORLINKS_TEXT_PREFIX, "")
            .set(TablesExtension.WITH_CAPTION, false)
            .set(TablesExtension.CLASS_NAME, "table")
            .toImmutable();

    private static final Parser PARSER = Parser.builder(OPTIONS).build();

    private Markdown() {
    }

    public static Document parse(String body) {
        return PARSER.parse(body);
    }

    /** A renderer that hands fenced blocks to {@code blocks} before flexmark's own rendering. */
    /** A renderer for markdown that is no page: fenced blocks, values and formulas render as flexmark does them. */
    public static HtmlRenderer renderer(Renderers blocks) {
        return renderer(null, blocks);
    }

    /** A renderer for {@code page}'s parsed body that hands its blocks, values and formulas to {@code blocks}. */
    public static HtmlRenderer renderer(dev.llmqa.site.Page page, Renderers blocks) {
        return HtmlRenderer.builder(OPTIONS)
                .nodeRendererFactory(options -> new FencedBlockDispatch(page, blocks))
                .nodeRendererFactory(options -> new RawHtml())
                .linkResolverFactory(new com.vladsch.flexmark.html.IndependentLinkResolverFactory() {
                    @Override
                    public com.vladsch.flexmark.html.LinkResolver apply(
                            com.vladsch.flexmark.html.renderer.LinkResolverBasicContext context) {
                        return new SafeLinks();
                    }
                })
                .build();
    }

    public static DataHolder options() {
        return OPTIONS;
    }
}
