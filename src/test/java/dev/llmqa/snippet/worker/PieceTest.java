package dev.llmqa.snippet.worker;

import dev.llmqa.snippet.wire.Source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jdk.jshell.JShell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PieceTest {

    private static JShell shell;

    @BeforeAll
    static void analysis() {
        shell = JShell.builder().executionEngine("local").build();
    }

    @AfterAll
    static void close() {
        shell.close();
    }

    @Test
    void pieces_know_their_file_lines() {
        Source source = new Source("content/a.md", 10, "int a = 1;\n\n// about b\nint b = 2; int c = 3;\nvoid f() {\n}\n");

        List<Piece> pieces = Piece.split(source, shell.sourceCodeAnalysis(), false);

        assertThat(pieces).extracting(Piece::code)
                .containsExactly("int a = 1;", "// about b\nint b = 2;", "int c = 3;", "void f() {\n}");
        assertThat(pieces).extracting(Piece::line).containsExactly(10, 12, 13, 14);
        assertThat(pieces.get(1).firstCodeLine()).isEqualTo(13);
    }

    @Test
    void an_expression_without_semicolon_at_the_end_is_complete() {
        List<Piece> pieces = Piece.split(new Source("a.md", 1, "1 + 1"), shell.sourceCodeAnalysis(), false);

        assertThat(pieces).extracting(Piece::code).containsExactly("1 + 1");
    }

    @Test
    void an_incomplete_tail_becomes_the_last_piece() {
        List<Piece> pieces = Piece.split(new Source("a.md", 1, "int a = 1;\nvoid f() {\n  int x = 2;\n"),
                shell.sourceCodeAnalysis(), false);

        assertThat(pieces).extracting(Piece::code).containsExactly("int a = 1;", "void f() {\n  int x = 2;");
        assertThat(pieces.get(1).line()).isEqualTo(2);
    }

    @Test
    void transcript_pieces_keep_leading_whitespace_as_the_tool_does() {
        List<Piece> pieces = Piece.split(new Source("a.md", 1, "int a = 1; int b = 2;"), shell.sourceCodeAnalysis(),
                true);

        assertThat(pieces).extracting(Piece::code).containsExactly("int a = 1;", " int b = 2;");
    }
}
