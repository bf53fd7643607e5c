package dev.llmqa.math;

import dev.llmqa.execute.Executor;
import dev.llmqa.execute.TextCache;
import dev.llmqa.js.JsEngine;
import dev.llmqa.js.JsEngines;
import dev.llmqa.js.Pinned;
import dev.llmqa.problem.Problem;
import dev.llmqa.problem.Problems;
import dev.llmqa.site.Formula;
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

/**
 * Typesets every formula with KaTeX. Results are cached by content (KaTeX version, mode, TeX) in the build cache;
 * the formulas the cache lacks go to the JavaScript engine in one batch, so it is started only when a formula is
 * new. Invalid TeX is a problem at the formula's line and column.
 */
public final class MathExecutor implements Executor<Typesetting> {

    private final JsEngines engines;

    /** @param engines made on the first formula that is new; the pipeline owns and closes them */
    public MathExecutor(JsEngines engines) {
        this.engines = engines;
    }

    @Override
    public String name() {
        return "math";
    }

    /** A formula where a page shows it, and its cache key. */
    private record Shown(Page page, Formula formula, String key) {
    }

    @Override
    public Done<Typesetting> execute(Site site, Problems problems) {
        TextCache cache = TextCache.of(site.config(), "math", ".html", MathExecutor::notTypeset, problems);
        // the new formulas, each with every place it is shown; the others are in the cache
        Map<String, List<Shown>> missing = new LinkedHashMap<>();
        List<Shown> stored = new ArrayList<>();
        for (Page page : site.pages()) {
            for (Formula formula : page.formulas()) {
                Shown one = new Shown(page, formula, key(formula));
                List<Shown> places = missing.get(one.key());
                if (places != null) {
                    places.add(one);
                } else if (cache.read(one.key()).isPresent()) {
                    stored.add(one);
                } else {
                    if (missing.isEmpty()) { // the engine boots beside the rest of this loop
                        engine(site).prepare(JsEngine.Library.KATEX);
                    }
                    missing.put(one.key(), new ArrayList<>(List.of(one)));
                }
            }
        }
        Placing placing = new Placing(site, cache, problems);
        if (!missing.isEmpty()) {
            JsEngine engine = engine(site);
            List<JsEngine.Tex> batch = missing.values().stream().map(places -> tex(places.get(0).formula())).toList();
            Iterator<JsEngine.TexResult> results = engine.typeset(batch).iterator();
            missing.values().forEach(places -> {
                JsEngine.TexResult result = results.next();
                places.forEach(one -> placing.place(one, result));
            });
            engine.notice().ifPresent(n -> problems.warn(Problem.at("node", 0, n, "Check the Node.js install (node --version).")));
        }
        // read before the batch, so taken from memory; one whose entry has gone since is typeset on its own
        stored.forEach(one -> placing.place(one, null));
        return new Done<>(new Typesetting(placing.typeset), cache.summary("typeset"));
    }

    /** Puts each formula's HTML in the cache and in the results, or its problem in the build's. */
    private final class Placing {

        private final Site site;
        private final TextCache cache;
        private final Problems problems;
        private final Map<Spot, Typeset> typeset = new HashMap<>();

        Placing(Site site, TextCache cache, Problems problems) {
            this.site = site;
            this.cache = cache;
            this.problems = problems;
        }

        /** @param made the formula's result from the batch, or null for one the cache holds */
        void place(Shown one, JsEngine.TexResult made) {
            cache.get(one.key(), () -> result(made != null ? made : engine(site).typeset(List.of(tex(one.formula()))).get(0), one))
                    .ifPresent(html -> typeset.put(Spot.of(one.page(), one.formula()), new Typeset(html)));
        }

        /** A formula's HTML; a problem when its TeX is invalid. */
        private Optional<String> result(JsEngine.TexResult r, Shown one) {
            if (r.html() != null) {
                return Optional.of(r.html());
            }
            problems.add(new Problem(one.page().path(), one.formula().line(), one.formula().column(), "invalid TeX: " + r.error(),
                    "Fix the formula (KaTeX supports: https://katex.org/docs/supported.html); write \\$ for a literal dollar sign."));
            return Optional.empty();
        }
    }

    /** KaTeX's HTML is one span of class katex (or katex-display); anything else is not a formula it typeset. */
    static Optional<String> notTypeset(String html) {
        return html.startsWith("<span class=\"katex") ? Optional.empty() : Optional.of("it is not HTML that KaTeX wrote");
    }

    private static String key(Formula formula) {
        return TextCache.key("katex@" + Pinned.KATEX_VERSION, String.valueOf(formula.display()), formula.tex());
    }

    private static JsEngine.Tex tex(Formula formula) {
        return new JsEngine.Tex(formula.tex(), formula.display());
    }

    private JsEngine engine(Site site) {
        return engines.get(site.config().settings().path());
    }
}
