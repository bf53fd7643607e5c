package dev.llmqa.snippet.worker;

import dev.llmqa.snippet.wire.Source;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/**
 * One snippet cut from a source, as jshell's {@code eval} takes exactly one.
 *
 * @param from the source it was cut from
 * @param code the snippet's text (jshell's {@code source()}, trailing whitespace removed as the tool does)
 * @param line file line of the snippet text's first line
 */
public record Piece(Source from, String code, int line) {

    /**
     * Splits with {@code analyzeCompletion}; an incomplete tail becomes a last piece, so jshell reports it.
     * Leading blank lines are cut off each piece: jshell numbers the frames of a method declared after a blank
     * line from the wrong line (a transcript keeps them, to print what the tool prints).
     */
    public static List<Piece> split(Source source, SourceCodeAnalysis analysis, boolean asTool) {
        String code = source.code();
        String rest = code;
        List<Piece> pieces = new ArrayList<>();
        while (!rest.isBlank()) {
            int offset = code.length() - rest.length();
            int line = source.line() + Lines.count(code, 0, offset);
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness completeness = info.completeness();
            if (completeness == Completeness.EMPTY) {
                break;
            }
            if (!completeness.isComplete() || info.source() == null || info.remaining().length() >= rest.length()) {
                pieces.add(of(source, Lines.trimEnd(rest), line, asTool));
                break;
            }
            pieces.add(of(source, Lines.trimEnd(info.source()), line, asTool));
            rest = info.remaining();
        }
        return pieces;
    }

    private static Piece of(Source source, String code, int line, boolean asTool) {
        if (asTool) {
            return new Piece(source, code, line);
        }
        String stripped = code.stripLeading();
        return new Piece(source, stripped, line + Lines.count(code, 0, code.length() - stripped.length()));
    }

    /** The file line of a position in {@link #code()}. */
    int lineAt(int position) {
        return line + Lines.count(code, 0, Math.max(0, Math.min(position, code.length())));
    }

    /** The file line where the snippet's code starts, past leading blank lines and comments. */
    int firstCodeLine() {
        return lineAt(Lines.codeStart(code));
    }
}
