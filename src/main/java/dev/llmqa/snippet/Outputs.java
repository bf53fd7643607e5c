package dev.llmqa.snippet;

import java.util.List;

/** What the snippet executor stores in the site's results, one record per kind of place. */
public final class Outputs {

    private Outputs() {
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

    /** The code an {@code include=} block shows, and where it came from. */
    public record Included(String code, String file, String region) {
    }
}
