package dev.llmqa.example;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Named regions of an example file, marked JEP 413 style:
 * {@code // @start region="kv-formula"} … {@code // @end region="kv-formula"}; a bare {@code // @end} closes the
 * innermost open region. Marker lines are not part of any region's text; regions may nest.
 */
public final class Regions {

    private static final Pattern START = Pattern.compile("^\\s*//\\s*@start\\s+region\\s*=\\s*\"?([\\w.-]+)\"?\\s*$");
    private static final Pattern END = Pattern.compile("^\\s*//\\s*@end(?:\\s+region\\s*=\\s*\"?([\\w.-]+)\"?)?\\s*$");

    /** A region's text (marker lines removed, common indentation kept) and the file line of its first line. */
    public record Region(String name, String text, int firstLine) {
    }

    private Regions() {
    }

    public static Optional<Region> find(String file, String name) {
        List<String> lines = file.lines().toList();
        Deque<String> open = new ArrayDeque<>();
        List<String> text = new ArrayList<>();
        int first = -1;
        boolean done = false;
        for (int i = 0; i < lines.size() && !done; i++) {
            String line = lines.get(i);
            Matcher start = START.matcher(line);
            Matcher end = END.matcher(line);
            if (start.matches()) {
                open.push(start.group(1));
                if (start.group(1).equals(name) && first < 0) {
                    first = i + 2;
                }
            } else if (end.matches()) {
                String closing = end.group(1) != null ? end.group(1) : open.peek();
                if (closing != null) {
                    open.remove(closing);
                    done = closing.equals(name) && first >= 0;
                }
            } else if (open.contains(name)) {
                text.add(line);
            }
        }
        if (first < 0) {
            return Optional.empty();
        }
        return Optional.of(new Region(name, String.join("\n", text) + "\n", first));
    }

    /** Removes the marker lines, for showing a whole file. */
    public static String withoutMarkers(String file) {
        StringBuilder out = new StringBuilder();
        for (String line : file.lines().toList()) {
            if (!START.matcher(line).matches() && !END.matcher(line).matches()) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    /** All region names in the file, in order of their start markers. */
    public static List<String> names(String file) {
        List<String> names = new ArrayList<>();
        for (String line : file.lines().toList()) {
            Matcher start = START.matcher(line);
            if (start.matches()) {
                names.add(start.group(1));
            }
        }
        return names;
    }
}
