package dev.llmqa.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineMapTest {

    @Test
    void first_body_line_is_the_line_after_the_separator() {
        // header on lines 1-6, separator on line 7: flexmark's line 0 is file line 8
        assertThat(LineMap.fileLine(7, 0)).isEqualTo(8);
        assertThat(LineMap.fileLine(7, 10)).isEqualTo(18);
    }

    @Test
    void a_header_of_only_the_separator_starts_the_body_on_line_two() {
        assertThat(LineMap.fileLine(1, 0)).isEqualTo(2);
    }
}
