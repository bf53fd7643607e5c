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
import java.util.Iterator;
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
        // the new code, each with every place it is shown; the rest is in the cache
        Map<String, List<Shown>> missing = new LinkedHashMap<>();
        List<Shown> stored = new ArrayList<>();
        for (Page page : site.pages()) {
            for (Block block : page.blocks()) {
                if (kinds.contains(block.kind())) {
                    String code = block.included().map(Included::code).orElse(block.code());
                    String key = TextCache.key("hljs@" + Pinned.HIGHLIGHT_VERSION, block.kind(), code);
                    Shown one = new Shown(Spot.of(page, block), new JsEngine.Code(code, block.kind()), key);
                    List<Shown> places = missing.get(key);
                    if (places != null) {
                        places.add(one);
                    } else if (cache.read(key).isPresent()) {
                        stored.add(one);
                    } else {
                        if (missing.isEmpty()) { // the engine boots beside the rest of this loop
                            engine(site).prepare(JsEngine.Library.HIGHLIGHT);
                        }
                        missing.put(key, new ArrayList<>(List.of(one)));
                    }
                }
            }
        }
        Map<Spot, Highlighted> highlighted = new HashMap<>();
        if (!missing.isEmpty()) {
            JsEngine engine = engine(site);
            List<JsEngine.Code> batch = missing.values().stream().map(places -> places.get(0).code()).toList();
            Iterator<Optional<String>> results = engine.highlight(batch).iterator();
            missing.values().forEach(places -> {
                Optional<String> html = results.next();
                places.forEach(one -> cache.get(one.key(), () -> html).ifPresent(h -> highlighted.put(one.spot(), new Highlighted(h))));
            });
            engine.notice().ifPresent(n -> problems.warn(Problem.at("node", 0, n, "Check the Node.js install (node --version).")));
        }
        // read before the batch, so taken from memory; one whose entry has gone since is highlighted on its own
        for (Shown one : stored) {
            cache.get(one.key(), () -> engine(site).highlight(List.of(one.code())).get(0))
                    .ifPresent(h -> highlighted.put(one.spot(), new Highlighted(h)));
        }
        return new Done<>(new Highlights(highlighted), cache.summary("blocks highlighted"));
    }

    private JsEngine engine(Site site) {
        return engines.get(site.config().settings().path());
    }
}
