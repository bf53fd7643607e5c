package dev.llmqa.markdown;

import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.sequence.Escaping;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * Raw HTML written in markdown is content from contributors, so it is never trusted: a block of HTML keeps only
 * what jsoup's relaxed safelist allows (no script, style, iframe, form, event handler or javascript: URL); an
 * inline tag stays only when it is a plain formatting tag without attributes, else it shows as text; comments
 * are dropped. HTML that llmqa itself renders (snippets, diagrams, math) does not pass through here.
 */
final class RawHtml implements NodeRenderer {

    private static final Safelist BLOCKS = Safelist.relaxed()
            .addTags("details", "summary", "figure", "figcaption", "mark", "abbr", "kbd", "samp", "var")
            .addAttributes("abbr", "title")
            .removeProtocols("img", "src", "http")
            .preserveRelativeLinks(true);
    private static final String RELATIVE_BASE = "https://relative.invalid/";
    private static final Set<String> INLINE = Set.of("b", "i", "em", "strong", "sup", "sub", "kbd", "samp", "var",
            "code", "small", "mark", "s", "u", "br", "wbr", "abbr", "q", "cite", "dfn");
    private static final Pattern TAG = Pattern.compile("^<(/?)([a-zA-Z][a-zA-Z0-9]*)\\s*(/?)>$");

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(
                new NodeRenderingHandler<>(HtmlBlock.class, (node, context, html) -> block(node.getChars().toString(), html)),
                new NodeRenderingHandler<>(HtmlInline.class, (node, context, html) -> inline(node.getChars().toString(), html)),
                new NodeRenderingHandler<>(HtmlCommentBlock.class, (node, context, html) -> { }),
                new NodeRenderingHandler<>(HtmlInlineComment.class, (node, context, html) -> { }));
    }

    private static void block(String raw, HtmlWriter html) {
        // jsoup keeps a relative URL only when it can resolve it against a base; this one only makes it resolvable
        String clean = Jsoup.clean(raw, RELATIVE_BASE, BLOCKS, new org.jsoup.nodes.Document.OutputSettings().prettyPrint(false));
        html.line();
        html.raw(clean);
        html.line();
    }

    private static void inline(String raw, HtmlWriter html) {
        Matcher tag = TAG.matcher(raw.strip());
        if (tag.matches() && INLINE.contains(tag.group(2).toLowerCase())) {
            html.raw("<" + tag.group(1) + tag.group(2).toLowerCase() + tag.group(3) + ">");
        } else {
            html.raw(Escaping.escapeHtml(raw, false));
        }
    }
}
