package dev.llmqa.markdown;

import com.vladsch.flexmark.html.LinkResolver;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.ResolvedLink;
import com.vladsch.flexmark.util.ast.Node;
import java.util.Locale;

/** Markdown links and images may not run code: javascript:, vbscript: and data: URLs become a harmless "#". */
final class SafeLinks implements LinkResolver {

    @Override
    public ResolvedLink resolveLink(Node node, LinkResolverBasicContext context, ResolvedLink link) {
        String url = link.getUrl().replaceAll("[\\s\\u0000-\\u001f]", "").toLowerCase(Locale.ROOT);
        if (url.startsWith("javascript:") || url.startsWith("vbscript:") || url.startsWith("data:")) {
            return link.withUrl("#unsafe-link-removed");
        }
        return link;
    }
}
