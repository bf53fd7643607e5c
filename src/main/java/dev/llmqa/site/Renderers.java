package dev.llmqa.site;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the execute stage hands the render stage: the block renderers by kind, the one for inline values and the one
 * for formulas, each made with its executor's results. A kind nobody registered renders as plain code; without an
 * inline renderer, {@code `= expr`} spans stay code; without a formula renderer, math stays TeX.
 */
public final class Renderers {

    private final List<BlockRenderer> blocks;
    private final Map<String, BlockRenderer> byKind = new HashMap<>();
    private final InlineValueRenderer inline;
    private final FormulaRenderer formulas;

    public Renderers(List<BlockRenderer> blocks, InlineValueRenderer inline, FormulaRenderer formulas) {
        this.blocks = List.copyOf(blocks);
        this.inline = inline;
        this.formulas = formulas;
        for (BlockRenderer renderer : blocks) {
            for (String kind : renderer.kinds()) {
                BlockRenderer previous = byKind.putIfAbsent(kind, renderer);
                if (previous != null) {
                    throw new IllegalArgumentException("two renderers for block kind '" + kind + "'");
                }
            }
        }
    }

    public static Renderers none() {
        return new Renderers(List.of(), null, null);
    }

    public Optional<FormulaRenderer> formulas() {
        return Optional.ofNullable(formulas);
    }

    public Optional<InlineValueRenderer> inline() {
        return Optional.ofNullable(inline);
    }

    public Optional<BlockRenderer> forKind(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    /** Every block renderer's files, written into the site after the pages; says which were written. */
    public List<String> writeAssets(Path site) throws IOException {
        List<String> written = new java.util.ArrayList<>();
        for (BlockRenderer renderer : blocks) {
            renderer.writeAssets(site);
            if (!renderer.assets().isEmpty()) {
                written.add(renderer.assets());
            }
        }
        return written;
    }
}
