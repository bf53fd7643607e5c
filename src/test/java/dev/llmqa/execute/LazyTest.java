package dev.llmqa.execute;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LazyTest {

    private final List<String> events = new ArrayList<>();

    private final class Tool implements AutoCloseable {
        private final int id;

        Tool(int id) {
            this.id = id;
            events.add("made " + id);
        }

        @Override
        public void close() {
            events.add("closed " + id);
        }
    }

    private int made;

    @Test
    void it_is_made_on_first_use_reused_and_closed_once() {
        Lazy<Tool> lazy = new Lazy<>(() -> new Tool(++made));
        assertThat(events).isEmpty();
        assertThat(lazy.get()).isSameAs(lazy.get());
        lazy.close();
        lazy.close();
        assertThat(lazy.get().id).isEqualTo(2);
        lazy.close();
        assertThat(events).containsExactly("made 1", "closed 1", "made 2", "closed 2");
    }

    @Test
    void closing_one_never_used_makes_nothing() {
        new Lazy<>(() -> new Tool(++made)).close();
        assertThat(events).isEmpty();
    }
}
