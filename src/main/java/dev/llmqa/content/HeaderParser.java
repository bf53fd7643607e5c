package dev.llmqa.content;

import dev.llmqa.problem.Problem;
import dev.llmqa.text.Suggest;
import dev.llmqa.site.Header;
import dev.llmqa.site.HeaderEntry;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks a JBake header. Every problem names the file line and says how to fix it; the parser keeps
 * going after a problem so one run reports them all.
 */
final class HeaderParser {

    static final List<String> KNOWN_KEYS =
            List.of("title", "type", "status", "order", "tags", "summary", "date", "examples", "timeout");
    static final List<String> STATUSES = List.of("published", "draft");
    private static final Set<String> REQUIRED = Set.of("title", "type", "status");
    private static final List<String> REQUIRED_FOR_QUESTION = List.of("order", "summary");
    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");

    private final String path;
    private final List<String> types;
    private final List<Problem> problems = new ArrayList<>();

    /**
     * @param path  the file as people see it, for messages
     * @param types the document types that have a template (templates/TYPE.ftl)
     */
    HeaderParser(String path, List<String> types) {
        this.path = path;
        this.types = types;
    }

    List<Problem> problems() {
        return problems;
    }

    /** The header, or empty when the file has none (a problem says so). */
    Optional<Header> parse(List<String> lines) {
        int separator = findSeparator(lines);
        if (separator < 0) {
            return Optional.empty();
        }
        List<HeaderEntry> entries = new ArrayList<>();
        for (int i = 0; i < separator; i++) {
            readLine(lines.get(i), i + 1, entries);
        }
        Header header = new Header(entries, separator + 1);
        checkRequired(header);
        checkValues(header);
        return Optional.of(header);
    }

    private int findSeparator(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.equals(Header.SEPARATOR)) {
                return i;
            }
            if (line.strip().equals(Header.SEPARATOR)) {
                add(i + 1, "the header separator has spaces around it",
                        "Write the line as exactly " + Header.SEPARATOR + " with nothing before or after it.");
                return -1;
            }
        }
        add(lines.isEmpty() ? 0 : 1, "no header: the file has no " + Header.SEPARATOR + " line",
                "Start the file with key=value lines (title=…, type=question, status=published, order=N, summary=…)"
                        + " and end them with a line of six tildes: " + Header.SEPARATOR);
        return -1;
    }

    private void readLine(String raw, int lineNo, List<HeaderEntry> entries) {
        String line = raw.strip();
        if (line.isEmpty()) {
            return;
        }
        int eq = line.indexOf('=');
        if (eq < 0) {
            add(lineNo, "header line '" + abbreviate(line) + "' is not key=value",
                    "Each header line is key=value; the body starts after the " + Header.SEPARATOR + " line.");
            return;
        }
        String key = line.substring(0, eq).strip();
        String value = line.substring(eq + 1).strip();
        if (!KEY.matcher(key).matches()) {
            add(lineNo, "header key '" + abbreviate(key) + "' is not a name",
                    "Keys are words such as title, type, status, order, tags, summary.");
            return;
        }
        Optional<HeaderEntry> earlier = entries.stream().filter(e -> e.key().equals(key)).findFirst();
        if (earlier.isPresent()) {
            add(lineNo, "header key '" + key + "' is repeated (first on line " + earlier.get().line() + ")",
                    "Keep one " + key + "= line.");
            return;
        }
        if (!KNOWN_KEYS.contains(key)) {
            add(lineNo, "unknown header key '" + key + "'",
                    Suggest.didYouMean(key, KNOWN_KEYS) + "Known keys: " + String.join(", ", KNOWN_KEYS) + ".");
        }
        entries.add(new HeaderEntry(key, value, lineNo));
    }

    private void checkRequired(Header header) {
        for (String key : KNOWN_KEYS) {
            if (REQUIRED.contains(key) && header.entry(key).isEmpty()) {
                missing(header, key);
            }
        }
        if (header.value("type").filter("question"::equals).isPresent()) {
            REQUIRED_FOR_QUESTION.stream().filter(k -> header.entry(k).isEmpty()).forEach(k -> missing(header, k));
        }
        for (HeaderEntry entry : header.entries()) {
            if (entry.value().isEmpty() && REQUIRED.contains(entry.key())) {
                add(entry.line(), "header key '" + entry.key() + "' is empty", "Give it a value: " + example(entry.key()));
            }
        }
    }

    private void missing(Header header, String key) {
        boolean misspelt = header.entries().stream().anyMatch(e -> !KNOWN_KEYS.contains(e.key())
                && Suggest.closest(e.key(), KNOWN_KEYS).filter(key::equals).isPresent());
        if (misspelt) {
            return; // the misspelt key's own problem says "did you mean" it: one typo, one problem
        }
        add(1, "the header has no " + key,
                "Add a line " + example(key) + " above the " + Header.SEPARATOR + " line (line " + header.separatorLine() + ").");
    }

    private void checkValues(Header header) {
        header.entry("status").filter(e -> !e.value().isEmpty() && !STATUSES.contains(e.value())).ifPresent(e ->
                add(e.line(), "unknown status '" + e.value() + "'",
                        Suggest.didYouMean(e.value(), STATUSES) + "Use status=published or status=draft."));
        header.entry("type").filter(e -> !e.value().isEmpty() && !types.contains(e.value())).ifPresent(e ->
                add(e.line(), "unknown type '" + e.value() + "': there is no template templates/" + e.value() + ".ftl",
                        Suggest.didYouMean(e.value(), types) + "Types with a template: " + String.join(", ", types) + "."));
        header.entry("order").ifPresent(e -> checkPositive(e, "order=8"));
        header.entry("timeout").ifPresent(e -> checkPositive(e, "timeout=30 (seconds)"));
        header.entry("date").ifPresent(this::checkDate);
    }

    private void checkPositive(HeaderEntry e, String example) {
        try {
            if (Integer.parseInt(e.value()) > 0) {
                return;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        add(e.line(), e.key() + " '" + e.value() + "' is not a positive whole number", "Write it like " + example + ".");
    }

    private void checkDate(HeaderEntry e) {
        try {
            LocalDate.parse(e.value());
        } catch (DateTimeParseException ex) {
            add(e.line(), "date '" + e.value() + "' is not a date", "Write it as yyyy-MM-dd, e.g. date=2024-05-01.");
        }
    }

    private static String example(String key) {
        return switch (key) {
            case "title" -> "title=What is the KV cache?";
            case "type" -> "type=question";
            case "status" -> "status=published";
            case "order" -> "order=8";
            case "summary" -> "summary=One sentence for the home page.";
            default -> key + "=…";
        };
    }

    private void add(int line, String message, String hint) {
        problems.add(Problem.at(path, line, message, hint));
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
