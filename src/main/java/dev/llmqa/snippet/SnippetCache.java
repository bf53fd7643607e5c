package dev.llmqa.snippet;

import dev.llmqa.snippet.pool.PageProgram;
import dev.llmqa.snippet.pool.PageResult;
import dev.llmqa.snippet.pool.StepResult;
import dev.llmqa.snippet.wire.Source;
import dev.llmqa.snippet.wire.Step;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmqa.config.Release;
import dev.llmqa.execute.TextCache;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A page's snippet results, reused only when nothing that could change them changed: the key hashes every
 * source the page's session evaluates (its example files and blocks, with their lines), the timeout, the JDK's
 * version and llmqa's version. Only pages that ran to the end are stored. One JSON file per key.
 */
public final class SnippetCache {

    private static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TextCache files;

    private SnippetCache(Path folder, boolean read) {
        this.files = new TextCache(folder, ".json", read);
    }

    /**
     * A cache in {@code folder}. With {@code read == false} (the {@code --no-cache} option) it never hits but still
     * stores what ran, so the next build is warm.
     */
    public static SnippetCache in(Path folder, boolean read) {
        return new SnippetCache(folder, read);
    }

    record Stored(List<StoredStep> steps) {
    }

    record StoredStep(String output, boolean truncated, List<String> transcript, String value, long nanos) {
    }

    public Optional<PageResult> get(PageProgram program) {
        Optional<String> json = files.read(key(program));
        if (json.isEmpty()) {
            return Optional.empty();
        }
        try {
            Stored stored = JSON.readValue(json.get(), Stored.class);
            if (stored.steps().size() != program.steps().size()) {
                return Optional.empty();
            }
            List<StepResult> steps = new ArrayList<>();
            for (int i = 0; i < stored.steps().size(); i++) {
                StoredStep s = stored.steps().get(i);
                steps.add(new StepResult(program.steps().get(i), s.output(), s.truncated(), s.transcript(), s.value(),
                        Duration.ofNanos(s.nanos()), Optional.empty()));
            }
            return Optional.of(new PageResult(program.page(), steps, true));
        } catch (IOException e) {
            return Optional.empty(); // a damaged entry is a miss; the page runs again and overwrites it
        }
    }

    /** Stores a page's results when it ran to the end. */
    public void put(PageProgram program, PageResult result) {
        if (!result.completed()) {
            return;
        }
        List<StoredStep> steps = result.steps().stream()
                .map(s -> new StoredStep(s.output(), s.truncated(), s.transcript(), s.value(), s.took().toNanos()))
                .toList();
        try {
            files.write(key(program), JSON.writeValueAsString(new Stored(steps)));
        } catch (IOException e) {
            // a result that cannot be written as JSON only costs time next build
        }
    }

    static String key(PageProgram program) {
        List<String> parts = new ArrayList<>();
        parts.add("llmqa-snippets/" + FORMAT + "/" + Release.version() + "/" + Runtime.version());
        parts.add(program.page() + "/" + program.timeoutPerStep().toMillis());
        for (Step step : program.steps()) {
            parts.add(step.getClass().getSimpleName() + "/" + program.timeoutFor(step).toMillis());
            for (Source source : step.sources()) {
                parts.add(source.path() + ":" + source.line());
                parts.add(source.code());
            }
        }
        return TextCache.key(parts.toArray(String[]::new));
    }
}
