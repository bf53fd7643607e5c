package dev.llmqa.highlight;

import com.vladsch.flexmark.util.sequence.Escaping;
import dev.llmqa.site.BlockRenderer;
import dev.llmqa.site.Block;
import dev.llmqa.site.Page;
import dev.llmqa.site.Spot;
import java.util.Set;

/** Plain code blocks in other languages (shell, JSON, Python …): highlighted at build time when possible. */
public final class CodeBlockRenderer implements BlockRenderer {

    public static final Set<String> KINDS = Set.of("shell", "sh", "bash", "console", "json", "python", "xml", "yaml",
            "html", "css", "javascript", "js", "sql", "markdown");

    private final Highlights highlights;

    public CodeBlockRenderer(Highlights highlights) {
        this.highlights = highlights;
    }

    @Override
    public Set<String> kinds() {
        return KINDS;
    }

    @Override
    public String render(Block block, Page page) {
        return code(block.kind(), block.code(), highlights.at(Spot.of(page, block)).orElse(null));
    }

    /** A {@code <pre><code>} with the highlighted HTML when there is some, else the escaped code. */
    public static String code(String language, String code, Highlighted highlighted) {
        String inside = highlighted != null ? highlighted.html() : Escaping.escapeHtml(code, false);
        return "<pre><code class=\"language-" + language + (highlighted != null ? " hljs" : "") + "\">" + inside + "</code></pre>";
    }
}
