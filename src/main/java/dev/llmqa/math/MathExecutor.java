package dev.llmqa.math;

import dev.llmqa.execute.Executor;
import dev.llmqa.problem.Problem;
import dev.llmqa.problem.Problems;
import dev.llmqa.site.Formula;
import dev.llmqa.site.Page;
import dev.llmqa.site.Results;
import dev.llmqa.site.Site;
import dev.llmqa.site.Spot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Typesets every formula with KaTeX. Results are cached by content (KaTeX version, mode, TeX) in the build cache,
 * so KaTeX is loaded only when a formula is new. Invalid TeX is a problem at the formula's line and column.
 */
public final class MathExecutor implements Executor {

    private int typeset;
    private int cached;

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
        Path folder = site.config().cache().resolve("math");
        Results results = Results.empty();
        typeset = 0;
        cached = 0;
        Katex katex = null;
        try {
            for (Page page : site.pages()) {
                for (Formula formula : page.formulas()) {
                    Path file = folder.resolve(key(formula) + ".html");
                    Optional<String> hit = site.config().useCache() ? read(file) : Optional.empty();
                    String html;
                    if (hit.isPresent()) {
                        html = hit.get();
                        cached++;
                    } else {
                        if (katex == null) {
                            katex = new Katex();
                        }
                        try {
                            html = katex.render(formula.tex(), formula.display());
                        } catch (IllegalArgumentException e) {
                            problems.add(new Problem(page.path(), formula.line(), formula.column(),
                                    "invalid TeX: " + e.getMessage().replaceFirst("^Error: ", ""),
                                    "Fix the formula (KaTeX supports: https://katex.org/docs/supported.html);"
                                            + " write \\$ for a literal dollar sign."));
                            continue;
                        }
                        write(folder, file, html);
                        typeset++;
                    }
                    results = results.with(new Spot(page.path(), formula.line(), formula.column()), Typeset.class,
                            new Typeset(html));
                }
            }
        } finally {
            if (katex != null) {
                katex.close();
            }
        }
        return results;
    }

    static String key(Formula formula) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("katex@" + Katex.VERSION + "/" + formula.display() + "/").getBytes(StandardCharsets.UTF_8));
            sha.update(formula.tex().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void write(Path folder, Path file, String html) {
        try {
            Files.createDirectories(folder);
            Path temp = Files.createTempFile(folder, ".entry", ".tmp");
            Files.writeString(temp, html, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // a cache that cannot be written only costs time next build
        }
    }
}
