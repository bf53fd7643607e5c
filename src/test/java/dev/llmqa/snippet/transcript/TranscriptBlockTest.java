package dev.llmqa.snippet.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TranscriptBlockTest {

    @Test
    void inputs_continuations_and_expected_lines_keep_their_file_lines() {
        TranscriptBlock block = TranscriptBlock.parse(String.join("\n",
                "jshell> kvCacheBytes(80, 8, 128, 128_000, 2)",
                "$1 ==> 41943040000",
                "",
                "jshell> int twice(int x) {",
                "   ...>     return 2 * x;",
                "   ...> }",
                "|  created method twice(int)",
                "jshell> twice(2)",
                "$3 ==> 4", ""), 20);
        assertThat(block.entries()).hasSize(3);
        assertThat(block.entries().get(0).input()).isEqualTo("kvCacheBytes(80, 8, 128, 128_000, 2)");
        assertThat(block.entries().get(0).expected()).containsExactly("$1 ==> 41943040000");
        assertThat(block.entries().get(0).expectedLines()).containsExactly(21);
        assertThat(block.entries().get(1).input()).isEqualTo("int twice(int x) {\n    return 2 * x;\n}");
        assertThat(block.entries().get(1).line()).isEqualTo(23);
        assertThat(block.entries().get(1).expectedLines()).containsExactly(26);
        assertThat(block.entries().get(2).expected()).containsExactly("$3 ==> 4");
    }

    @Test
    void an_input_without_output_expects_nothing() {
        TranscriptBlock block = TranscriptBlock.parse("jshell> int x = 1;\njshell> x\n$2 ==> 1\n", 1);
        assertThat(block.entries().get(0).expected()).isEmpty();
    }

    @Test
    void text_before_the_first_prompt_is_detected() {
        assertThat(TranscriptBlock.startsWithPrompt("\njshell> 1\n")).isTrue();
        assertThat(TranscriptBlock.startsWithPrompt("1 + 1\n")).isFalse();
    }
}
