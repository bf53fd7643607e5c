package dev.llmqa.markdown;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The renderers by block kind, and the one for inline values. A kind nobody registered renders as plain code;
 * without an inline renderer, {@code `= expr`} spans stay code.
 */
public final class BlockRenderers {

    private final Map<String, BlockRenderer> byKind = new HashMap<>();
    private final InlineValueRenderer inline;
    private final FormulaRenderer formulas;

    public BlockRenderers(List<BlockRenderer> renderers) {
        this(renderers, null, null);
    }

    public BlockRenderers(List<BlockRenderer> renderers, InlineValueRenderer inline, FormulaRenderer formulas) {
        this.inline = inline;
        this.formulas = formulas;
        for (BlockRenderer renderer : renderers) {
            for (String kind : renderer.kinds()) {
                BlockRenderer previous = byKind.putIfAbsent(kind, renderer);
                if (previous != null) {
                    throw new IllegalArgumentException("two renderers for block kind '" + kind + "'");
                }
            }
        }
    }

    public static BlockRenderers none() {
        return new BlockRenderers(List.of());
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
}
