package dev.llmqa.diagram;

import com.vladsch.flexmark.util.sequence.Escaping;
import dev.llmqa.markdown.BlockRenderer;
import dev.llmqa.site.Block;
import dev.llmqa.site.Page;
import dev.llmqa.site.Site;
import dev.llmqa.site.Spot;
import java.util.Optional;
import java.util.Set;

/**
 * {@code mermaid} blocks: the stored SVG inline, in a figure with an accessible name; or, when no SVG could be
 * had, the source for mermaid.js to draw in the browser (the script is loaded by the page's first such block).
 */
public final class MermaidBlockRenderer implements BlockRenderer {

    public static final String SCRIPT = "js/mermaid.min.js";

    @Override
    public Set<String> kinds() {
        return Set.of(Diagram.KIND);
    }

    @Override
    public String render(Block block, Page page, Site site) {
        Spot spot = Spot.of(page, block);
        Optional<Drawings.Drawn> drawn = site.results().get(spot, Drawings.Drawn.class);
        if (drawn.isPresent()) {
            return "<figure class=\"diagram\" role=\"img\" aria-label=\"" + Escaping.escapeHtml(drawn.get().title(), false)
                    + "\">\n" + drawn.get().svg().strip() + "\n</figure>";
        }
        Optional<Drawings.InBrowser> later = site.results().get(spot, Drawings.InBrowser.class);
        if (later.isEmpty()) {
            return "<pre><code class=\"language-mermaid\">" + Escaping.escapeHtml(block.code(), false) + "</code></pre>";
        }
        String root = "../".repeat((int) page.uri().chars().filter(c -> c == '/').count());
        String script = firstInBrowser(page, site, block)
                ? "\n<script src=\"" + root + SCRIPT + "\"></script>\n<script>mermaid.initialize({startOnLoad: true,"
                        + " securityLevel: 'strict', handDrawnSeed: 1});</script>"
                : "";
        return "<figure class=\"diagram\" aria-label=\"" + Escaping.escapeHtml(later.get().title(), false) + "\">\n"
                + "<pre class=\"mermaid\">" + Escaping.escapeHtml(later.get().source(), false) + "</pre>\n</figure>" + script;
    }

    private static boolean firstInBrowser(Page page, Site site, Block block) {
        return page.blocks().stream()
                .filter(b -> site.results().get(Spot.of(page, b), Drawings.InBrowser.class).isPresent())
                .findFirst().map(b -> b.line() == block.line()).orElse(false);
    }
}
