package dev.llmqa.markdown;

import dev.llmqa.site.Block;
import dev.llmqa.site.Page;
import dev.llmqa.site.Site;
import java.util.Set;

/** Renders the fenced blocks of some kinds ({@code java}, {@code jshell}, {@code mermaid}, …) to HTML. */
public interface BlockRenderer {

    /** The info-string kinds this renderer takes. */
    Set<String> kinds();

    /** The HTML for {@code block} of {@code page}; results computed by earlier stages are in {@code site}. */
    String render(Block block, Page page, Site site);
}
