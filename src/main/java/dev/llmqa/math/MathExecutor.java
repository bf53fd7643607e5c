package dev.llmqa.math;

import dev.llmqa.execute.Executor;
import dev.llmqa.execute.Lazy;
import dev.llmqa.execute.TextCache;
import dev.llmqa.problem.Problem;
import dev.llmqa.problem.Problems;
import dev.llmqa.site.Formula;
import dev.llmqa.site.Page;
import dev.llmqa.site.Site;
import dev.llmqa.site.Spot;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Typesets every formula with KaTeX. Results are cached by content (KaTeX version, mode, TeX) in the build cache,
 * so KaTeX is loaded only when a formula is new. Invalid TeX is a problem at the formula's line and column.
 */
public final class MathExecutor implements Executor<Typesetting> {

    private final Lazy<Katex> katex;

    /** @param katex loaded on the first formula that is new; the pipeline owns and closes it */
    public MathExecutor(Lazy<Katex> katex) {
        this.katex = katex;
    }

    @Override
    public String name() {
        return "math";
    }

    @Override
    public Done<Typesetting> execute(Site site, Problems problems) {
        TextCache cache = TextCache.of(site.config(), "math", ".html", MathExecutor::notTypeset, problems);
        Map<Spot, Typeset> typeset = new HashMap<>();
        for (Page page : site.pages()) {
            for (Formula formula : page.formulas()) {
                String key = TextCache.key("katex@" + Katex.VERSION, String.valueOf(formula.display()), formula.tex());
                cache.get(key, () -> typeset(page, formula, problems))
                        .ifPresent(html -> typeset.put(Spot.of(page, formula), new Typeset(html)));
            }
        }
        return new Done<>(new Typesetting(typeset), cache.summary("typeset"));
    }

    /** KaTeX's HTML is one span of class katex (or katex-display); anything else is not a formula it typeset. */
    static Optional<String> notTypeset(String html) {
        return html.startsWith("<span class=\"katex") ? Optional.empty() : Optional.of("it is not HTML that KaTeX wrote");
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
