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
import dev.llmqa.snippet.IncludeTarget;
import dev.llmqa.snippet.Regions;
import java.util.Optional;
import java.util.Set;

/**
 * Highlights every code block whose language highlight.js knows (transcripts and diagrams excepted), including
 * the regions {@code include=} blocks show. Results are cached by (version, language, code), so highlight.js is
 * loaded only when some code is new. Missing include files are reported by the snippet stage, not here.
 */
public final class HighlightExecutor implements Executor {

    private static final Set<String> NOT_CODE = Set.of("jshell", "mermaid", "", "text", "plain", "txt");
    private final Lazy<Highlighter> shared;
    private int highlighted;
    private int cached;

    /** Loads highlight.js for this build only, when some code is new, and closes it after. */
    public HighlightExecutor() {
        this(null);
    }

    /** @param shared a highlight.js kept across builds (the preview server's), or null for one of this build's own */
    public HighlightExecutor(Lazy<Highlighter> shared) {
        this.shared = shared;
    }

    @Override
    public String name() {
        return "highlight";
    }

    @Override
    public String summary() {
        return highlighted + " blocks highlighted, " + cached + " from cache";
    }

    @Override
    public Results execute(Site site, Problems problems) {
        TextCache cache = new TextCache(site.config().cache().resolve("highlight"), site.config().useCache());
        ExampleFiles examples = new ExampleFiles(site.config().examples());
        Results results = Results.empty();
        highlighted = 0;
        cached = 0;
        Lazy<Highlighter> highlighter = shared != null ? shared : new Lazy<>(Highlighter::new);
        try {
            for (Page page : site.pages()) {
                for (Block block : page.blocks()) {
                    if (NOT_CODE.contains(block.kind())) {
                        continue;
                    }
                    Optional<String> code = code(page, block, examples);
                    if (code.isEmpty()) {
                        continue;
                    }
                    String key = TextCache.key("hljs@" + Highlighter.VERSION, block.kind(), code.get());
                    Optional<String> html = cache.get(key);
                    if (html.isPresent()) {
                        cached++;
                    } else {
                        html = highlighter.get().highlight(code.get(), block.kind());
                        if (html.isEmpty()) {
                            continue;
                        }
                        cache.put(key, html.get());
                        highlighted++;
                    }
                    results = results.with(Spot.of(page, block), Highlighted.class, new Highlighted(html.get()));
                }
            }
        } finally {
            if (highlighter != shared) {
                highlighter.close();
            }
        }
        return results;
    }

    /** The code a block shows: its own text, or the region an include= names. */
    private static Optional<String> code(Page page, Block block, ExampleFiles examples) {
        Optional<IncludeTarget> include = IncludeTarget.of(block);
        if (include.isEmpty()) {
            return Optional.of(block.code());
        }
        ExampleFiles.Read file = examples.read(include.get().file(), page.path(), block.line());
        if (!file.ok()) {
            return Optional.empty();
        }
        return include.get().wholeFile() ? Optional.of(Regions.withoutMarkers(file.text()))
                : Regions.find(file.text(), include.get().region()).map(Regions.Region::text);
    }
}
