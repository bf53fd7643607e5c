package dev.llmqa.site;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A page's JBake header: the {@code key=value} lines above the {@code ~~~~~~} separator.
 *
 * @param entries       in file order, keys unique
 * @param separatorLine 1-based line of the separator; the body starts on the next line
 */
public record Header(List<HeaderEntry> entries, int separatorLine) {

    public static final String SEPARATOR = "~~~~~~";

    public Header {
        entries = List.copyOf(entries);
    }

    public Optional<HeaderEntry> entry(String key) {
        return entries.stream().filter(e -> e.key().equals(key)).findFirst();
    }

    public Optional<String> value(String key) {
        return entry(key).map(HeaderEntry::value);
    }

    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        entries.forEach(e -> map.put(e.key(), e.value()));
        return map;
    }
}
