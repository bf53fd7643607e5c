package dev.llmqa.math;

import dev.llmqa.execute.Executor;
import dev.llmqa.execute.Lazy;
import dev.llmqa.execute.TextCache;
import dev.llmqa.problem.Problem;
import dev.llmqa.problem.Problems;
import dev.llmqa.site.Formula;
import dev.llmqa.site.Page;
import dev.llmqa.site.Results;
import dev.llmqa.site.Site;
import dev.llmqa.site.Spot;
import java.util.Optional;

/**
 * Typesets every formula with KaTeX. Results are cached by content (KaTeX version, mode, TeX) in the build cache,
 * so KaTeX is loaded only when a formula is new. Invalid TeX is a problem at the formula's line and column.
 */
public final class MathExecutor implements Executor {

    private final Lazy<Katex> katex;
    private String summary = "";

    /** @param katex loaded on the first formula that is new; the pipeline owns and closes it */
    public MathExecutor(Lazy<Katex> katex) {
        this.katex = katex;
    }

    @Override
    public String name() {
        return "math";
    }

    @Override
    public String summary() {
        return summary;
    }

    @Override
    public Results execute(Site site, Problems problems) {
        TextCache cache = new TextCache(site.config().cache().resolve("math"), ".html", site.config().useCache());
        Results results = Results.empty();
        for (Page page : site.pages()) {
            for (Formula formula : page.formulas()) {
                String key = TextCache.key("katex@" + Katex.VERSION, String.valueOf(formula.display()), formula.tex());
                Optional<String> html = cache.get(key, () -> typeset(page, formula, problems));
                if (html.isPresent()) {
                    results = results.with(Spot.of(page, formula), Typeset.class, new Typeset(html.get()));
                }
            }
        }
        summary = cache.summary("typeset");
        return results;
    }

    private Optional<String> typeset(Page page, Formula formula, Problems problems) {
        try {
            return Optional.of(katex.get().render(formula.tex(), formula.display()));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(page.path(), formula.line(), formula.column(),
                    "invalid TeX: " + e.getMessage().replaceFirst("^Error: ", ""),
                    "Fix the formula (KaTeX supports: https://katex.org/docs/supported.html);"
                            + " write \\$ for a literal dollar sign."));
            return Optional.empty();
        }
    }
}
