package dev.llmqa.site;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A fence's info string, split: the kind ({@code java}, {@code jshell}, {@code mermaid}, …), bare flags
 * ({@code norun}) and {@code key=value} attributes (a value may be double-quoted to hold spaces).
 */
public record BlockInfo(String kind, Set<String> flags, Map<String, String> attributes) {

    /** A block of Java: run, shown with {@link #NORUN}, or showing an example file with {@link #INCLUDE}. */
    public static final String JAVA = "java";
    /** A transcript of the jshell tool, replayed and checked. */
    public static final String JSHELL = "jshell";
    public static final String NORUN = "norun";
    public static final String INCLUDE = "include";

    public BlockInfo {
        flags = Set.copyOf(flags);
        attributes = Map.copyOf(attributes);
    }

    public static BlockInfo parse(String info) {
        String text = info == null ? "" : info.strip();
        Set<String> flags = new LinkedHashSet<>();
        Map<String, String> attributes = new LinkedHashMap<>();
        String kind = "";
        int i = 0;
        boolean first = true;
        while (i < text.length()) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '=') {
                i++;
            }
            String word = text.substring(start, i);
            if (i < text.length() && text.charAt(i) == '=') {
                i++;
                String value;
                if (i < text.length() && text.charAt(i) == '"') {
                    int close = text.indexOf('"', i + 1);
                    int end = close < 0 ? text.length() : close;
                    value = text.substring(i + 1, end);
                    i = close < 0 ? text.length() : close + 1;
                } else {
                    int vs = i;
                    while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                        i++;
                    }
                    value = text.substring(vs, i);
                }
                attributes.put(word, value);
            } else if (!word.isEmpty()) {
                if (first) {
                    kind = word;
                } else {
                    flags.add(word);
                }
            }
            first = false;
        }
        return new BlockInfo(kind, flags, attributes);
    }

    public boolean has(String flag) {
        return flags.contains(flag);
    }

    public Optional<String> attribute(String key) {
        return Optional.ofNullable(attributes.get(key));
    }
}
