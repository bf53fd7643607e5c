package dev.llmqa.markdown;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The renderers by block kind. A kind nobody registered renders as plain highlighted-ready code. */
public final class BlockRenderers {

    private final Map<String, BlockRenderer> byKind = new HashMap<>();

    public BlockRenderers(List<BlockRenderer> renderers) {
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

    public Optional<BlockRenderer> forKind(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }
}
