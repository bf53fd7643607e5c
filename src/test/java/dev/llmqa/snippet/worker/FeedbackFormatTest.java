package dev.llmqa.snippet.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqa.snippet.worker.FeedbackFormat.Action;
import dev.llmqa.snippet.worker.FeedbackFormat.Case;
import dev.llmqa.snippet.worker.FeedbackFormat.Event;
import dev.llmqa.snippet.worker.FeedbackFormat.Resolve;
import dev.llmqa.snippet.worker.FeedbackFormat.When;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedbackFormatTest {

    private static Event event(Case c, Action a, When w, Resolve r, String name, String type, String value) {
        return new Event(c, a, w, r, name, type, value, "", 0, 0, List.of());
    }

    @Test
    void expression_shows_name_and_value() {
        assertThat(FeedbackFormat.display(event(Case.EXPRESSION, Action.ADDED, When.PRIMARY, Resolve.OK, "$3", "int",
                "42"))).isEqualTo("$3 ==> 42\n");
    }

    @Test
    void method_with_undefined_name_says_what_it_waits_for() {
        Event e = new Event(Case.METHOD, Action.ADDED, When.PRIMARY, Resolve.DEFINED, "h", "", null,
                " variable undefinedThing", 1, 0, List.of());

        assertThat(FeedbackFormat.display(e))
                .isEqualTo("|  created method h(), however, it cannot be invoked until variable undefinedThing is declared\n");
    }

    @Test
    void replaced_variable_update_says_reset_to_null() {
        assertThat(FeedbackFormat.display(event(Case.VARINIT, Action.REPLACED, When.UPDATE, Resolve.OK, "foo", "Foo",
                null))).isEqualTo("|    update replaced variable foo, reset to null\n");
    }

    @Test
    void other_updates_are_silent_in_normal_mode() {
        assertThat(FeedbackFormat.display(event(Case.METHOD, Action.MODIFIED, When.UPDATE, Resolve.OK, "f", "int",
                null))).isEmpty();
    }

    @Test
    void long_values_are_shortened_in_the_middle_like_the_tool() {
        String value = "\"" + "a".repeat(200) + "\"";

        assertThat(FeedbackFormat.truncate(value, Case.VARINIT)).hasSize(80).contains(" ... ");
        assertThat(FeedbackFormat.truncate(value, Case.EXPRESSION)).isEqualTo(value);
    }
}
