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

    private final Lazy<Katex> shared;
    private int typeset;
    private int cached;

    /** Loads KaTeX for this build only, when some formula is new, and closes it after. */
    public MathExecutor() {
        this(null);
    }

    /** @param shared a KaTeX kept across builds (the preview server's), or null for one of this build's own */
    public MathExecutor(Lazy<Katex> shared) {
        this.shared = shared;
    }

    @Override
    public String name() {
        return "math";
    }

    @Override
    public String summary() {
        return typeset + " typeset, " + cached + " from cache";
    }

    @Override
    public Results execute(Site site, Problems problems) {
        TextCache cache = new TextCache(site.config().cache().resolve("math"), site.config().useCache());
        Results results = Results.empty();
        typeset = 0;
        cached = 0;
        Lazy<Katex> katex = shared != null ? shared : new Lazy<>(Katex::new);
        try {
            for (Page page : site.pages()) {
                for (Formula formula : page.formulas()) {
                    String key = TextCache.key("katex@" + Katex.VERSION, String.valueOf(formula.display()), formula.tex());
                    Optional<String> hit = cache.get(key);
                    String html;
                    if (hit.isPresent()) {
                        html = hit.get();
                        cached++;
                    } else {
                        try {
                            html = katex.get().render(formula.tex(), formula.display());
                        } catch (IllegalArgumentException e) {
                            problems.add(new Problem(page.path(), formula.line(), formula.column(),
                                    "invalid TeX: " + e.getMessage().replaceFirst("^Error: ", ""),
                                    "Fix the formula (KaTeX supports: https://katex.org/docs/supported.html);"
                                            + " write \\$ for a literal dollar sign."));
                            continue;
                        }
                        cache.put(key, html);
                        typeset++;
                    }
                    results = results.with(new Spot(page.path(), formula.line(), formula.column()), Typeset.class,
                            new Typeset(html));
                }
            }
        } finally {
            if (katex != shared) {
                katex.close();
            }
        }
        return results;
    }
}
