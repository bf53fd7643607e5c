package dev.llmqa.snippet;

import dev.llmqa.site.Spot;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the snippet stage computed, by place: the output of each executed {@code java} block, each transcript as
 * jshell replayed it, and each inline value's text. The snippet renderers take it.
 */
public record Snippets(Map<Spot, Printed> printed, Map<Spot, Replayed> replayed, Map<Spot, Computed> computed) {

    public Snippets {
        printed = Map.copyOf(printed);
        replayed = Map.copyOf(replayed);
        computed = Map.copyOf(computed);
    }

    /** An executed {@code java} block: what it printed and how long it ran. */
    public record Printed(String output, boolean truncated, long millis) {
    }

    /** A transcript, replayed and checked: what jshell printed for each input, and how long it ran. */
    public record Replayed(List<String> actual, long millis) {
        public Replayed {
            actual = List.copyOf(actual);
        }
    }

    /** An inline value's text. */
    public record Computed(String value) {
    }

    public Optional<Printed> printed(Spot spot) {
        return Optional.ofNullable(printed.get(spot));
    }

    public Optional<Replayed> replayed(Spot spot) {
        return Optional.ofNullable(replayed.get(spot));
    }

    public Optional<Computed> computed(Spot spot) {
        return Optional.ofNullable(computed.get(spot));
    }
}
