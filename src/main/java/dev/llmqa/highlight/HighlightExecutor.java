package dev.llmqa.highlight;

import dev.llmqa.execute.Executor;
import dev.llmqa.execute.Lazy;
import dev.llmqa.execute.TextCache;
import dev.llmqa.problem.Problems;
import dev.llmqa.site.Block;
import dev.llmqa.site.Page;
import dev.llmqa.site.Included;
import dev.llmqa.site.Site;
import dev.llmqa.site.Spot;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Highlights every code block a renderer shows highlighted (the kinds it is given), including the code
 * {@code include=} blocks show. Results are cached by (version, language, code), so highlight.js is loaded only when
 * some code is new.
 */
public final class HighlightExecutor implements Executor<Highlights> {

    private final Lazy<Highlighter> highlighter;
    private final Set<String> kinds;

    /**
     * @param highlighter loaded on the first code block that is new; the pipeline owns and closes it
     * @param kinds       the block kinds some renderer shows highlighted: no other kind is worth loading highlight.js for
     */
    public HighlightExecutor(Lazy<Highlighter> highlighter, Set<String> kinds) {
        this.highlighter = highlighter;
        this.kinds = Set.copyOf(kinds);
    }

    @Override
    public String name() {
        return "highlight";
    }

    @Override
    public Done<Highlights> execute(Site site, Problems problems) {
        // any text can be highlighted code (even none, for an empty block): the entry's digest is its check
        TextCache cache = TextCache.of(site.config(), "highlight", ".html", html -> Optional.empty(), problems);
        Map<Spot, Highlighted> highlighted = new HashMap<>();
        for (Page page : site.pages()) {
            for (Block block : page.blocks()) {
                if (!kinds.contains(block.kind())) {
                    continue;
                }
                String code = block.included().map(Included::code).orElse(block.code());
                String key = TextCache.key("hljs@" + Highlighter.VERSION, block.kind(), code);
                cache.get(key, () -> highlighter.get().highlight(code, block.kind()))
                        .ifPresent(html -> highlighted.put(Spot.of(page, block), new Highlighted(html)));
            }
        }
        return new Done<>(new Highlights(highlighted), cache.summary("blocks highlighted"));
    }
}
