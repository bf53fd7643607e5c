package dev.llmqa.diagram;

/** What the diagram executor stores in the site's results. */
public final class Drawings {

    private Drawings() {
    }

    /** An SVG drawn at build time (from the store or the Mermaid CLI). */
    public record Drawn(String svg, String title) {
    }

    /** No SVG could be had: the page draws it in the browser with mermaid.js. */
    public record InBrowser(String source, String title) {
    }
}
