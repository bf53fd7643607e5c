package dev.llmqa.diagram;

import dev.llmqa.execute.TextCache;
import dev.llmqa.site.Block;
import dev.llmqa.site.Page;
import dev.llmqa.site.Spot;

/**
 * A {@code mermaid} block to draw.
 *
 * @param spot   where it is (page and fence line)
 * @param source the diagram's text
 * @param title  its accessible title: {@code title=} of the info string, else the first node label
 * @param key    SHA-256 of (source, mermaid-cli version, mermaid config): the name of its SVG in the store
 */
public record Diagram(Spot spot, int codeLine, String source, String title, String key) {

    public static final String KIND = "mermaid";

    public static Diagram of(Page page, Block block, String toolVersion, String config) {
        String title = block.info().attribute("title").orElseGet(() -> firstLabel(block.code()));
        return new Diagram(Spot.of(page, block), block.codeLine(), block.code(), title,
                key(block.code(), toolVersion, config));
    }

    /** The SVG's element id, unique per diagram (the same diagram twice on a page is drawn once per id). */
    public String id() {
        return id(key);
    }

    /** The element id of the drawing stored under {@code key}. */
    static String id(String key) {
        return "mmd-" + key.substring(0, Math.min(12, key.length()));
    }

    /** The file line of diagram line {@code n} (1-based), kept inside the block when a parser points past it. */
    public int fileLine(int n) {
        int lines = (int) source.lines().count();
        return codeLine + Math.max(0, Math.min(n, Math.max(lines, 1)) - 1);
    }

    static String key(String source, String toolVersion, String config) {
        return TextCache.key("mermaid-cli@" + toolVersion, config, source);
    }

    /** The first quoted or bracketed label, e.g. A["Prefill (parallel)"] gives "Prefill (parallel)". */
    private static final java.util.regex.Pattern LABEL = java.util.regex.Pattern.compile("[\\[({>]+\"?([^\\]\")}]+)\"?[\\])}]");

    static String firstLabel(String source) {
        var m = LABEL.matcher(source);
        return m.find() ? m.group(1).strip() : "Diagram";
    }
}
