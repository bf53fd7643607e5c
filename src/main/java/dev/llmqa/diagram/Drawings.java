package dev.llmqa.diagram;

import dev.llmqa.site.Spot;
import java.util.Map;
import java.util.Optional;

/**
 * What the diagram stage made, by the diagram's place: an SVG drawn at build time, or the source left for the
 * browser to draw. The Mermaid renderer takes it.
 */
public record Drawings(Map<Spot, Drawn> drawn, Map<Spot, InBrowser> inBrowser) {

    public Drawings {
        drawn = Map.copyOf(drawn);
        inBrowser = Map.copyOf(inBrowser);
    }

    /** An SVG drawn at build time (from the store or the Mermaid CLI). */
    public record Drawn(String svg, String title) {
    }

    /** No SVG could be had: the page draws it in the browser with mermaid.js. */
    public record InBrowser(String source, String title) {
    }

    public Optional<Drawn> drawn(Spot spot) {
        return Optional.ofNullable(drawn.get(spot));
    }

    public Optional<InBrowser> inBrowser(Spot spot) {
        return Optional.ofNullable(inBrowser.get(spot));
    }
}
