package dev.llmqa.snippet.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OutputMatchTest {

    private static boolean same(String expected, String actual) {
        return OutputMatch.firstDifference(List.of(expected), List.of(actual), OutputMatch.DEFAULT_TOLERANCE).isEmpty();
    }

    @Test
    void snippet_numbers_match_any_number() {
        assertThat(same("$1 ==> 41943040000", "$17 ==> 41943040000")).isTrue();
    }

    @Test
    void runs_of_whitespace_are_equal() {
        assertThat(same("x  ==>   5", "x ==> 5")).isTrue();
        assertThat(same("  indented", "indented")).isTrue();
    }

    @Test
    void numbers_compare_within_the_relative_tolerance() {
        assertThat(same("$2 ==> 0.40854849", "$2 ==> 0.408548490000000001")).isTrue();
        assertThat(same("$2 ==> 3.3616", "$2 ==> 3.3615999999999997")).isTrue();
        assertThat(same("$2 ==> 3.3616", "$2 ==> 3.3617")).isFalse();
        assertThat(same("1.0E-4", "1.0000000000001E-4")).isTrue();
    }

    @Test
    void text_must_be_equal() {
        assertThat(same("\"Paris\"", "\"paris\"")).isFalse();
        assertThat(same("double[2] { 1.0, 2.0 }", "double[2] { 1.0, 2.0 }")).isTrue();
    }

    @Test
    void the_first_differing_line_is_reported_and_extra_lines_count() {
        assertThat(OutputMatch.firstDifference(List.of("a", "b"), List.of("a", "c"), 1e-9)).contains(1);
        assertThat(OutputMatch.firstDifference(List.of("a"), List.of("a", "extra"), 1e-9)).contains(1);
        assertThat(OutputMatch.firstDifference(List.of("a", ""), List.of("a"), 1e-9)).isEmpty();
    }
}
