package dev.llmqa.diagram;

import com.vladsch.flexmark.util.sequence.Escaping;
import dev.llmqa.site.BlockRenderer;
import dev.llmqa.site.Block;
import dev.llmqa.site.Page;
import dev.llmqa.site.Spot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Set;

/**
 * {@code mermaid} blocks: the stored SVG inline, in a figure with an accessible name; or, when no SVG could be
 * had, the source for mermaid.js to draw in the browser (the script is loaded by the page's first such block).
 */
public final class MermaidBlockRenderer implements BlockRenderer {

    public static final String SCRIPT = "js/mermaid.min.js";
    private static final String WEBJAR = "/META-INF/resources/webjars/mermaid/11.14.0/dist/mermaid.min.js";

    private final Drawings drawings;

    public MermaidBlockRenderer(Drawings drawings) {
        this.drawings = drawings;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(Diagram.KIND);
    }

    @Override
    public String render(Block block, Page page) {
        Spot spot = Spot.of(page, block);
        Optional<Drawings.Drawn> drawn = drawings.drawn(spot);
        if (drawn.isPresent()) {
            return "<figure class=\"diagram\" role=\"img\" aria-label=\"" + Escaping.escapeHtml(drawn.get().title(), false)
                    + "\">\n" + drawn.get().svg().strip() + "\n</figure>";
        }
        Optional<Drawings.InBrowser> later = drawings.inBrowser(spot);
        if (later.isEmpty()) {
            return "<pre><code class=\"language-mermaid\">" + Escaping.escapeHtml(block.code(), false) + "</code></pre>";
        }
        String root = "../".repeat((int) page.uri().chars().filter(c -> c == '/').count());
        String script = firstInBrowser(page, block)
                ? "\n<script src=\"" + root + SCRIPT + "\"></script>\n<script>mermaid.initialize({startOnLoad: true,"
                        + " securityLevel: 'strict', handDrawnSeed: 1});</script>"
                : "";
        return "<figure class=\"diagram\" aria-label=\"" + Escaping.escapeHtml(later.get().title(), false) + "\">\n"
                + "<pre class=\"mermaid\">" + Escaping.escapeHtml(later.get().source(), false) + "</pre>\n</figure>" + script;
    }

    /**
     * When some diagram is left to the browser, mermaid.js from its WebJar goes into the site (no CDN). A site whose
     * diagrams are all stored SVGs loads no mermaid.js at all.
     */
    @Override
    public void writeAssets(Path site) throws IOException {
        if (drawings.inBrowser().isEmpty()) {
            return;
        }
        Path target = site.resolve(SCRIPT);
        Files.createDirectories(target.getParent());
        try (InputStream in = MermaidBlockRenderer.class.getResourceAsStream(WEBJAR)) {
            if (in == null) {
                throw new IOException("mermaid.js is missing from the class path (" + WEBJAR + ")");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public String assets() {
        return drawings.inBrowser().isEmpty() ? "" : "mermaid.js for diagrams drawn in the browser";
    }

    private boolean firstInBrowser(Page page, Block block) {
        return page.blocks().stream()
                .filter(b -> drawings.inBrowser(Spot.of(page, b)).isPresent())
                .findFirst().map(b -> b.line() == block.line()).orElse(false);
    }
}
