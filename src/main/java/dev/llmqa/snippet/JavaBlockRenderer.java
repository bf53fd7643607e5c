package dev.llmqa.snippet;

import dev.llmqa.highlight.CodeBlockRenderer;
import dev.llmqa.highlight.Highlighted;
import dev.llmqa.markdown.BlockRenderer;
import dev.llmqa.site.Block;
import dev.llmqa.site.Page;
import dev.llmqa.site.Site;
import dev.llmqa.site.Spot;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ```java} blocks: the code, then an output panel with what it printed and how long it ran. An
 * {@code include=} block shows the region it names; a {@code norun} block shows its code only.
 */
public final class JavaBlockRenderer implements BlockRenderer {

    @Override
    public Set<String> kinds() {
        return Set.of(PagePlan.KIND_JAVA);
    }

    @Override
    public String render(Block block, Page page, Site site) {
        Spot spot = Spot.of(page, block);
        Optional<Outputs.Included> included = site.results().get(spot, Outputs.Included.class);
        if (included.isPresent()) {
            Outputs.Included in = included.get();
            String from = in.file() + (in.region().isEmpty() ? "" : " · region " + in.region());
            return "<figure class=\"snippet snippet-include\">\n<figcaption class=\"snippet-source\">" + Html.text(from)
                    + "</figcaption>\n" + code(in.code(), spot, site) + "\n</figure>";
        }
        Optional<Outputs.Printed> printed = site.results().get(spot, Outputs.Printed.class);
        if (printed.isEmpty()) {
            return "<div class=\"snippet snippet-norun\">\n" + code(block.code(), spot, site) + "\n</div>";
        }
        Outputs.Printed out = printed.get();
        StringBuilder html = new StringBuilder("<div class=\"snippet\">\n").append(code(block.code(), spot, site)).append('\n');
        if (!out.output().isEmpty()) {
            html.append("<div class=\"snippet-output\" role=\"region\" aria-label=\"Output\"><pre><samp>")
                    .append(Html.text(out.output())).append("</samp></pre></div>\n");
        }
        html.append("<p class=\"snippet-meta\">").append(Html.ran("ran", out.millis(), site))
                .append(out.truncated() ? " · output truncated" : "").append("</p>\n</div>");
        return html.toString();
    }

    private static String code(String code, Spot spot, Site site) {
        return CodeBlockRenderer.code("java", code, site.results().get(spot, Highlighted.class).orElse(null));
    }
}
