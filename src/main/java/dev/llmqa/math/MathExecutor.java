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

    @Override
    public Done<Typesetting> execute(Site site, Problems problems) {
        TextCache cache = TextCache.of(site.config(), "math", ".html", MathExecutor::notTypeset, problems);
        Map<String, JsEngine.Tex> missing = new LinkedHashMap<>();
        for (Page page : site.pages()) {
            for (Formula formula : page.formulas()) {
                String key = key(formula);
                if (!missing.containsKey(key) && cache.read(key).isEmpty()) {
                    missing.put(key, new JsEngine.Tex(formula.tex(), formula.display()));
                }
            }
        }
        Map<String, JsEngine.TexResult> made = typeset(site, missing, problems);
        Map<Spot, Typeset> typeset = new HashMap<>();
        for (Page page : site.pages()) {
            for (Formula formula : page.formulas()) {
                String key = key(formula);
                cache.get(key, () -> result(made.get(key), site, formula, page, problems))
                        .ifPresent(html -> typeset.put(Spot.of(page, formula), new Typeset(html)));
            }
        }
        return new Done<>(new Typesetting(typeset), cache.summary("typeset"));
    }

    /** KaTeX's HTML is one span of class katex (or katex-display); anything else is not a formula it typeset. */
    static Optional<String> notTypeset(String html) {
        return html.startsWith("<span class=\"katex") ? Optional.empty() : Optional.of("it is not HTML that KaTeX wrote");
    }

    private static String key(Formula formula) {
        return TextCache.key("katex@" + Pinned.KATEX_VERSION, String.valueOf(formula.display()), formula.tex());
    }

    /** The new formulas, typeset in one batch. */
    private Map<String, JsEngine.TexResult> typeset(Site site, Map<String, JsEngine.Tex> missing, Problems problems) {
        if (missing.isEmpty()) {
            return Map.of();
        }
        JsEngine engine = engines.get(site.config().settings().path());
        List<JsEngine.TexResult> results = engine.typeset(new ArrayList<>(missing.values()));
        engine.notice().ifPresent(n -> problems.warn(Problem.at("node", 0, n, "Check the Node.js install (node --version).")));
        Map<String, JsEngine.TexResult> made = new HashMap<>();
        int i = 0;
        for (String key : missing.keySet()) {
            made.put(key, results.get(i++));
        }
        return made;
    }

    /** A formula's HTML; a problem when its TeX is invalid. One the batch missed (its cache entry vanished) is typeset now. */
    private Optional<String> result(JsEngine.TexResult result, Site site, Formula formula, Page page, Problems problems) {
        JsEngine.TexResult r = result != null ? result
                : engines.get(site.config().settings().path()).typeset(List.of(new JsEngine.Tex(formula.tex(), formula.display()))).get(0);
        if (r.html() != null) {
            return Optional.of(r.html());
        }
        problems.add(new Problem(page.path(), formula.line(), formula.column(), "invalid TeX: " + r.error(),
                "Fix the formula (KaTeX supports: https://katex.org/docs/supported.html); write \\$ for a literal dollar sign."));
        return Optional.empty();
    }
}
