package dev.llmqa.snippet.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CaptureTest {

    @Test
    void keeps_everything_under_the_limit() {
        Capture capture = new Capture(16);
        capture.write("hello\n".getBytes(StandardCharsets.UTF_8), 0, 6);

        Capture.Taken taken = capture.take();

        assertThat(taken.shown()).isEqualTo("hello\n");
        assertThat(taken.truncated()).isFalse();
    }

    @Test
    void truncated_output_ends_with_a_line_counting_dropped_bytes() {
        Capture capture = new Capture(8);
        byte[] bytes = "0123456789abcdef".getBytes(StandardCharsets.UTF_8);
        capture.write(bytes, 0, bytes.length);
        capture.write('!');

        Capture.Taken taken = capture.take();

        assertThat(taken.shown()).isEqualTo("01234567\n… output truncated: 9 more bytes\n");
        assertThat(capture.truncatedInStep()).isTrue();
    }

    @Test
    void budget_spans_takes_until_the_next_step() {
        Capture capture = new Capture(4);
        capture.write("ab".getBytes(StandardCharsets.UTF_8), 0, 2);
        capture.take();
        capture.write("cdef".getBytes(StandardCharsets.UTF_8), 0, 4);

        assertThat(capture.take().shown()).isEqualTo("cd\n… output truncated: 2 more bytes\n");
        capture.newStep();
        capture.write("gh".getBytes(StandardCharsets.UTF_8), 0, 2);
        assertThat(capture.take().shown()).isEqualTo("gh");
        assertThat(capture.truncatedInStep()).isFalse();
    }

    @Test
    void a_character_cut_by_the_limit_is_dropped_whole() {
        Capture capture = new Capture(4);
        byte[] bytes = "abc€".getBytes(StandardCharsets.UTF_8);
        capture.write(bytes, 0, bytes.length);

        Capture.Taken taken = capture.take();

        assertThat(taken.text()).isEqualTo("abc");
        assertThat(taken.dropped()).isEqualTo(3);
    }

    @Test
    void large_counts_are_grouped_by_thousands() {
        assertThat(new Capture.Taken("x\n", 1_048_576).shown())
                .isEqualTo("x\n… output truncated: 1,048,576 more bytes\n");
    }
}
