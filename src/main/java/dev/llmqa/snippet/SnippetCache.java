package dev.llmqa.snippet;

import dev.llmqa.snippet.pool.PageProgram;
import dev.llmqa.snippet.pool.PageResult;
import dev.llmqa.snippet.pool.StepResult;
import dev.llmqa.snippet.wire.Source;
import dev.llmqa.snippet.wire.Step;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmqa.config.Release;
import dev.llmqa.config.SiteConfig;
import dev.llmqa.execute.TextCache;
import dev.llmqa.problem.Problems;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A page's snippet results, reused only when nothing that could change them changed: the key hashes every
 * source the page's session evaluates (its example files and blocks, in order), the timeouts, the JDK's version and
 * llmqa's version. Only pages that ran to the end are stored, and what they printed does not depend on the file lines
 * their code is on (a line is only ever shown in a failure, and jshell numbers the frames of a stack trace by snippet,
 * not by file line), so the key leaves lines out: a paragraph written above a page's code does not run it again.
 * One JSON file per key.
 */
public final class SnippetCache {

    private static final int FORMAT = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TextCache files;

    private SnippetCache(TextCache files) {
        this.files = files;
    }

    /**
     * The build cache's snippet results. With {@code --no-cache} it never hits but still stores what ran, so the
     * next build is warm. A damaged entry is a warning on {@code problems}, and the page runs again.
     */
    public static SnippetCache of(SiteConfig config, Problems problems) {
        return new SnippetCache(TextCache.of(config, "snippets", ".json", json -> Optional.empty(), problems));
    }

    record Stored(List<StoredStep> steps) {
    }

    record StoredStep(String output, boolean truncated, List<String> transcript, String value, long nanos) {
    }

    /** The page's stored results, when an entry is stored for it and holds one result per step. */
    public Optional<PageResult> get(PageProgram program) {
        String key = key(program);
        Optional<String> json = files.read(key);
        if (json.isEmpty()) {
            return Optional.empty();
        }
        Stored stored;
        try {
            stored = JSON.readValue(json.get(), Stored.class);
        } catch (JsonProcessingException e) {
            files.reject(key, "it is not the JSON of a page's results (" + e.getOriginalMessage() + ")");
            return Optional.empty();
        }
        Optional<String> wrong = wrongShape(stored, program.steps());
        if (wrong.isPresent()) {
            files.reject(key, wrong.get());
            return Optional.empty();
        }
        List<StepResult> steps = new ArrayList<>();
        for (int i = 0; i < stored.steps().size(); i++) {
            StoredStep s = stored.steps().get(i);
            steps.add(new StepResult(program.steps().get(i), s.output(), s.truncated(), s.transcript(), s.value(),
                    Duration.ofNanos(s.nanos()), Optional.empty()));
        }
        return Optional.of(new PageResult(program.page(), steps, true));
    }

    /**
     * JSON can parse and still not be this page's results: a step short, {@code null} where text belongs, no value
     * for an inline value, a transcript answer short.
     */
    static Optional<String> wrongShape(Stored stored, List<Step> steps) {
        if (stored == null || stored.steps() == null) {
            return Optional.of("it holds no list of step results");
        }
        if (stored.steps().size() != steps.size()) {
            return Optional.of("it holds " + stored.steps().size() + " step results for a page of " + steps.size() + " steps");
        }
        for (int i = 0; i < steps.size(); i++) {
            StoredStep result = stored.steps().get(i);
            Step step = steps.get(i);
            boolean fits = result != null && result.output() != null && result.transcript() != null
                    && !result.transcript().contains(null) && result.nanos() >= 0
                    && (!(step instanceof Step.Value) || result.value() != null)
                    && (!(step instanceof Step.Transcript t) || result.transcript().size() == t.inputs().size());
            if (!fits) {
                return Optional.of("the result of step " + (i + 1) + " (" + step.getClass().getSimpleName()
                        + ") has missing or wrong fields");
            }
        }
        return Optional.empty();
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
                parts.add(source.path());
                parts.add(source.code());
            }
        }
        return TextCache.key(parts.toArray(String[]::new));
    }
}
