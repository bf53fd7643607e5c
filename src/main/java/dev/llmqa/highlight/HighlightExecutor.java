package dev.llmqa.highlight;

import dev.llmqa.execute.Executor;
import dev.llmqa.execute.TextCache;
import dev.llmqa.js.JsEngine;
import dev.llmqa.js.JsEngines;
import dev.llmqa.js.Pinned;
import dev.llmqa.problem.Problem;
import dev.llmqa.problem.Problems;
import dev.llmqa.site.Block;
import dev.llmqa.site.Included;
import dev.llmqa.site.Page;
import dev.llmqa.site.Site;
import dev.llmqa.site.Spot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Highlights every code block a renderer shows highlighted (the kinds it is given), including the code
 * {@code include=} blocks show. Results are cached by (version, language, code); the code the cache lacks goes to
 * the JavaScript engine in one batch, so it is started only when some code is new.
 */
public final class HighlightExecutor implements Executor<Highlights> {

    private final JsEngines engines;
    private final Set<String> kinds;

    /**
     * @param engines made on the first code block that is new; the pipeline owns and closes them
     * @param kinds   the block kinds some renderer shows highlighted: no other kind is worth starting an engine for
     */
    public HighlightExecutor(JsEngines engines, Set<String> kinds) {
        this.engines = engines;
        this.kinds = Set.copyOf(kinds);
    }

    @Override
    public String name() {
        return "highlight";
    }

    /** A block to highlight: where it is, its code, its cache key. */
    private record Shown(Spot spot, JsEngine.Code code, String key) {
    }

    @Override
    public Done<Highlights> execute(Site site, Problems problems) {
        // any text can be highlighted code (even none, for an empty block): the entry's digest is its check
        TextCache cache = TextCache.of(site.config(), "highlight", ".html", html -> Optional.empty(), problems);
        List<Shown> shown = new ArrayList<>();
        Map<String, JsEngine.Code> missing = new LinkedHashMap<>();
        for (Page page : site.pages()) {
            for (Block block : page.blocks()) {
                if (kinds.contains(block.kind())) {
                    String code = block.included().map(Included::code).orElse(block.code());
                    String key = TextCache.key("hljs@" + Pinned.HIGHLIGHT_VERSION, block.kind(), code);
                    shown.add(new Shown(Spot.of(page, block), new JsEngine.Code(code, block.kind()), key));
                    if (!missing.containsKey(key) && cache.read(key).isEmpty()) {
                        missing.put(key, new JsEngine.Code(code, block.kind()));
                    }
                }
            }
        }
        Map<String, Optional<String>> made = highlight(site, missing, problems);
        Map<Spot, Highlighted> highlighted = new HashMap<>();
        for (Shown one : shown) {
            cache.get(one.key(), () -> made.containsKey(one.key()) ? made.get(one.key())
                            : engines.get(site.config().settings().path()).highlight(List.of(one.code())).get(0))
                    .ifPresent(html -> highlighted.put(one.spot(), new Highlighted(html)));
        }
        return new Done<>(new Highlights(highlighted), cache.summary("blocks highlighted"));
    }

    /** The new code, highlighted in one batch. */
    private Map<String, Optional<String>> highlight(Site site, Map<String, JsEngine.Code> missing, Problems problems) {
        if (missing.isEmpty()) {
            return Map.of();
        }
        JsEngine engine = engines.get(site.config().settings().path());
        List<Optional<String>> results = engine.highlight(new ArrayList<>(missing.values()));
        engine.notice().ifPresent(n -> problems.warn(Problem.at("node", 0, n, "Check the Node.js install (node --version).")));
        Map<String, Optional<String>> made = new HashMap<>();
        int i = 0;
        for (String key : missing.keySet()) {
            made.put(key, results.get(i++));
        }
        return made;
    }
}
