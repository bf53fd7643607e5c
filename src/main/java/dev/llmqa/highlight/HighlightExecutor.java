package dev.llmqa.highlight;

import dev.llmqa.execute.Executor;
import dev.llmqa.execute.Lazy;
import dev.llmqa.execute.TextCache;
import dev.llmqa.problem.Problems;
import dev.llmqa.site.Block;
import dev.llmqa.site.Page;
import dev.llmqa.site.Results;
import dev.llmqa.site.Site;
import dev.llmqa.site.Spot;
import dev.llmqa.snippet.ExampleFiles;
import dev.llmqa.snippet.Includes;
import java.util.Optional;
import java.util.Set;

/**
 * Highlights every code block a renderer shows highlighted ({@code java}, and the languages of
 * {@link CodeBlockRenderer}), including the regions {@code include=} blocks show. Results are cached by (version, language, code), so highlight.js is
 * loaded only when some code is new. Missing include files are reported by the snippet stage, not here.
 */
public final class HighlightExecutor implements Executor {

    /** Only what some renderer shows highlighted: other kinds are never worth loading highlight.js for. */
    private static final Set<String> SHOWN_HIGHLIGHTED = kinds();
    private final Lazy<Highlighter> highlighter;
    private String summary = "";

    /** @param highlighter loaded on the first code block that is new; the pipeline owns and closes it */
    public HighlightExecutor(Lazy<Highlighter> highlighter) {
        this.highlighter = highlighter;
    }

    @Override
    public String name() {
        return "highlight";
    }

    @Override
    public String summary() {
        return summary;
    }

    @Override
    public Results execute(Site site, Problems problems) {
        TextCache cache = new TextCache(site.config().cache().resolve("highlight"), ".html", site.config().useCache());
        ExampleFiles examples = new ExampleFiles(site.config().examples());
        Results results = Results.empty();
        for (Page page : site.pages()) {
            for (Block block : page.blocks()) {
                if (!SHOWN_HIGHLIGHTED.contains(block.kind())) {
                    continue;
                }
                Optional<String> code = Includes.code(page, block, examples);
                if (code.isEmpty()) {
                    continue;
                }
                String key = TextCache.key("hljs@" + Highlighter.VERSION, block.kind(), code.get());
                Optional<String> html = cache.get(key, () -> highlighter.get().highlight(code.get(), block.kind()));
                if (html.isPresent()) {
                    results = results.with(Spot.of(page, block), Highlighted.class, new Highlighted(html.get()));
                }
            }
        }
        summary = cache.summary("blocks highlighted");
        return results;
    }

    private static Set<String> kinds() {
        Set<String> kinds = new java.util.HashSet<>(CodeBlockRenderer.KINDS);
        kinds.add(dev.llmqa.snippet.PagePlan.KIND_JAVA);
        return Set.copyOf(kinds);
    }
}
