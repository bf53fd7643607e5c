package dev.llmqa.snippet.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void javac_message_fits_on_one_line() {
        assertThat(Failures.describe("cannot find symbol\n  symbol:   variable kvCache\n  location: class "))
                .isEqualTo("cannot find symbol: variable kvCache");
        assertThat(Failures.describe("incompatible types: String cannot be converted to int"))
                .isEqualTo("incompatible types: String cannot be converted to int");
        assertThat(Failures.describe("method f in class Foo cannot be applied to given types;\n"
                + "  required: int\n  found:    no arguments\n  reason: actual and formal argument lists differ"))
                .isEqualTo("method f in class Foo cannot be applied to given types; required: int; "
                        + "found:    no arguments; reason: actual and formal argument lists differ");
    }
}
