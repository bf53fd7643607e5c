package dev.llmqa.snippet.transcript;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code jshell} block split into what was typed and what was printed. {@code jshell> } starts an input,
 * {@code   ...> } continues it; the lines up to the next prompt are that input's expected output.
 */
public record TranscriptBlock(List<Entry> entries) {

    public static final String PROMPT_MARK = "jshell>";
    public static final String CONTINUATION_MARK = "...>";

    /** One input with its 1-based file line, and the expected output lines with theirs. */
    public record Entry(String input, int line, List<String> expected, List<Integer> expectedLines) {
        public Entry {
            expected = List.copyOf(expected);
            expectedLines = List.copyOf(expectedLines);
        }
    }

    public TranscriptBlock {
        entries = List.copyOf(entries);
    }

    /**
     * @param code      the block's text
     * @param firstLine the file line of the block's first code line
     */
    public static TranscriptBlock parse(String code, int firstLine) {
        List<Entry> entries = new ArrayList<>();
        String[] lines = code.split("\n", -1);
        int i = 0;
        while (i < lines.length && !isPrompt(lines[i])) {
            i++;
        }
        while (i < lines.length) {
            int inputLine = firstLine + i;
            StringBuilder input = new StringBuilder(after(lines[i], PROMPT_MARK));
            i++;
            while (i < lines.length && lines[i].stripLeading().startsWith(CONTINUATION_MARK)) {
                input.append('\n').append(after(lines[i].stripLeading(), CONTINUATION_MARK));
                i++;
            }
            List<String> expected = new ArrayList<>();
            List<Integer> expectedLines = new ArrayList<>();
            while (i < lines.length && !isPrompt(lines[i])) {
                expected.add(lines[i]);
                expectedLines.add(firstLine + i);
                i++;
            }
            while (!expected.isEmpty() && expected.get(expected.size() - 1).isBlank()) {
                expected.remove(expected.size() - 1);
                expectedLines.remove(expectedLines.size() - 1);
            }
            entries.add(new Entry(input.toString(), inputLine, expected, expectedLines));
        }
        return new TranscriptBlock(entries);
    }

    private static boolean isPrompt(String line) {
        return line.startsWith(PROMPT_MARK);
    }

    /** The text after a marker and the one space that follows it. */
    private static String after(String line, String marker) {
        String rest = line.substring(marker.length());
        return rest.startsWith(" ") ? rest.substring(1) : rest;
    }

    /** Text before the first prompt, if any (a transcript must start with one). */
    public static boolean startsWithPrompt(String code) {
        return code.lines().filter(l -> !l.isBlank()).findFirst().map(TranscriptBlock::isPrompt).orElse(false);
    }
}
