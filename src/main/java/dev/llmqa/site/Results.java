package dev.llmqa.site;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the executors computed, by place and kind (snippet output, an included region, a rendered diagram …).
 * Immutable: {@link #with} returns a new value.
 */
public final class Results {

    private static final Results EMPTY = new Results(Map.of());

    private final Map<Spot, Map<Class<?>, Object>> bySpot;

    private Results(Map<Spot, Map<Class<?>, Object>> bySpot) {
        this.bySpot = bySpot;
    }

    public static Results empty() {
        return EMPTY;
    }

    public <T> Results with(Spot spot, Class<T> kind, T value) {
        Map<Spot, Map<Class<?>, Object>> copy = new HashMap<>(bySpot);
        Map<Class<?>, Object> kinds = new HashMap<>(copy.getOrDefault(spot, Map.of()));
        kinds.put(kind, kind.cast(value));
        copy.put(spot, Map.copyOf(kinds));
        return new Results(Map.copyOf(copy));
    }

    /** Both sets of results; on the same place and kind, {@code other} wins. */
    public Results merge(Results other) {
        Map<Spot, Map<Class<?>, Object>> copy = new HashMap<>(bySpot);
        other.bySpot.forEach((spot, kinds) -> {
            Map<Class<?>, Object> merged = new HashMap<>(copy.getOrDefault(spot, Map.of()));
            merged.putAll(kinds);
            copy.put(spot, Map.copyOf(merged));
        });
        return new Results(Map.copyOf(copy));
    }

    public <T> Optional<T> get(Spot spot, Class<T> kind) {
        return Optional.ofNullable(bySpot.getOrDefault(spot, Map.of()).get(kind)).map(kind::cast);
    }
}
