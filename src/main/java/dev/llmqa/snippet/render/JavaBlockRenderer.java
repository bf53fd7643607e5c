package dev.llmqa.snippet.render;

import dev.llmqa.snippet.Snippets;
import dev.llmqa.site.Included;
import dev.llmqa.site.BlockInfo;

import dev.llmqa.highlight.CodeBlockRenderer;
import dev.llmqa.highlight.Highlights;
import dev.llmqa.site.BlockRenderer;
import dev.llmqa.site.Block;
import dev.llmqa.site.Page;
import dev.llmqa.site.Spot;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ```java} blocks: the code, then an output panel with what it printed and how long it ran. An
 * {@code include=} block shows the region it names; a {@code norun} block shows its code only.
 */
public final class JavaBlockRenderer implements BlockRenderer {

    /** The kinds this renderer shows highlighted. */
    public static final Set<String> KINDS = Set.of(BlockInfo.JAVA);

    private final Snippets snippets;
    private final Highlights highlights;
    private final boolean reproducible;

    /** @param reproducible leave run times out (they differ between runs) */
    public JavaBlockRenderer(Snippets snippets, Highlights highlights, boolean reproducible) {
        this.snippets = snippets;
        this.highlights = highlights;
        this.reproducible = reproducible;
    }

    @Override
    public Set<String> kinds() {
        return KINDS;
    }

    @Override
    public String render(Block block, Page page) {
        Spot spot = Spot.of(page, block);
        Optional<Included> included = block.included();
        if (included.isPresent()) {
            Included in = included.get();
            String from = in.file() + (in.region().isEmpty() ? "" : " · region " + in.region());
            return "<figure class=\"snippet snippet-include\">\n<figcaption class=\"snippet-source\">" + Html.text(from)
                    + "</figcaption>\n" + code(in.code(), spot) + "\n</figure>";
        }
        Optional<Snippets.Printed> printed = snippets.printed(spot);
        if (printed.isEmpty()) {
            return "<div class=\"snippet snippet-norun\">\n" + code(block.code(), spot) + "\n</div>";
        }
        Snippets.Printed out = printed.get();
        StringBuilder html = new StringBuilder("<div class=\"snippet\">\n").append(code(block.code(), spot)).append('\n');
        if (!out.output().isEmpty()) {
            html.append("<div class=\"snippet-output\" role=\"region\" aria-label=\"Output\"><pre><samp>")
                    .append(Html.text(out.output())).append("</samp></pre></div>\n");
        }
        html.append("<p class=\"snippet-meta\">").append(Html.ran("ran", out.millis(), reproducible))
                .append(out.truncated() ? " · output truncated" : "").append("</p>\n</div>");
        return html.toString();
    }

    private String code(String code, Spot spot) {
        return CodeBlockRenderer.code("java", code, highlights.at(spot).orElse(null));
    }
}
