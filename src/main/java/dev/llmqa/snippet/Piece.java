package dev.llmqa.snippet;

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
record Piece(Source from, String code, int line) {

    /** Splits with {@code analyzeCompletion}; an incomplete tail becomes a last piece, so jshell reports it. */
    static List<Piece> split(Source source, SourceCodeAnalysis analysis) {
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
                pieces.add(new Piece(source, Lines.trimEnd(rest), line));
                break;
            }
            pieces.add(new Piece(source, Lines.trimEnd(info.source()), line));
            rest = info.remaining();
        }
        return pieces;
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
