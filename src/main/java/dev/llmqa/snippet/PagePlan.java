package dev.llmqa.snippet;

import dev.llmqa.example.ExampleFiles;
import dev.llmqa.snippet.pool.PageProgram;
import dev.llmqa.snippet.transcript.OutputMatch;
import dev.llmqa.snippet.transcript.TranscriptBlock;
import dev.llmqa.snippet.wire.Source;
import dev.llmqa.snippet.wire.Step;

import dev.llmqa.problem.Problems;
import dev.llmqa.site.Block;
import dev.llmqa.site.BlockInfo;
import dev.llmqa.site.HeaderEntry;
import dev.llmqa.site.InlineValue;
import dev.llmqa.site.Page;
import dev.llmqa.site.Spot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a page into the program its JShell session runs: its example files first (by convention
 * examples/NAME.jsh for content/…/NAME.md, then those of the {@code examples=} header), then its executable
 * blocks and inline values in document order. {@link #spots} says which place each step belongs to; each transcript
 * is parsed here once, for the step that replays it and for the check of what it printed.
 */
public record PagePlan(Page page, PageProgram program, List<Spot> spots, Map<Spot, Transcript> transcripts) {

    /** A {@code jshell} block split into inputs and expected output, and how closely numbers must match. */
    public record Transcript(TranscriptBlock parsed, double tolerance) {
    }

    /** The plan, or empty when the page has nothing to run (problems are added for bad example names). */
    public static Optional<PagePlan> of(Page page, ExampleFiles examples, Duration defaultTimeout, Problems problems) {
        List<Object> places = new ArrayList<>();
        page.blocks().stream().filter(PagePlan::executes).forEach(places::add);
        places.addAll(page.values());
        if (places.isEmpty()) {
            return Optional.empty();
        }
        places.sort(Comparator.comparingInt(PagePlan::line).thenComparingInt(PagePlan::column));

        List<Step> steps = new ArrayList<>();
        List<Spot> spots = new ArrayList<>();
        Map<Step, Duration> timeouts = new HashMap<>();
        Map<Spot, Transcript> transcripts = new HashMap<>();
        int line = page.header().entry("examples").map(HeaderEntry::line).orElse(1);
        for (String name : ExampleFiles.namesFor(page)) {
            ExampleFiles.Read file = examples.read(name, page.path(), line);
            if (file.ok()) {
                steps.add(new Step.Load(new Source(file.shownPath(), 1, file.text())));
                spots.add(new Spot(file.shownPath(), 1, 0));
            } else if (!isConventional(page, name)) {
                problems.add(file.problem());
            }
        }
        for (Object place : places) {
            if (place instanceof Block block) {
                Spot spot = Spot.of(page, block);
                Step step;
                if (BlockInfo.JSHELL.equals(block.kind())) {
                    Transcript transcript = new Transcript(TranscriptBlock.parse(block.code(), block.codeLine()),
                            block.info().attribute("tolerance").map(Double::parseDouble).orElse(OutputMatch.DEFAULT_TOLERANCE));
                    transcripts.put(spot, transcript);
                    step = new Step.Transcript(transcript.parsed().entries().stream()
                            .map(e -> new Source(page.path(), e.line(), e.input())).toList());
                } else {
                    step = new Step.Run(new Source(page.path(), block.codeLine(), block.code()));
                }
                steps.add(step);
                spots.add(spot);
                blockTimeout(page, block, problems).ifPresent(t -> timeouts.put(step, t));
            } else if (place instanceof InlineValue value) {
                steps.add(new Step.Value(new Source(page.path(), value.line(), value.expression())));
                spots.add(Spot.of(page, value));
            }
        }
        return Optional.of(new PagePlan(page, new PageProgram(page.path(), steps, timeout(page, defaultTimeout), timeouts),
                spots, Map.copyOf(transcripts)));
    }

    /** A {@code java} block runs unless marked {@code norun} or {@code include=}; a {@code jshell} block replays. */
    public static boolean executes(Block block) {
        return BlockInfo.JAVA.equals(block.kind()) && !block.info().has(BlockInfo.NORUN) && block.info().attribute(BlockInfo.INCLUDE).isEmpty()
                || BlockInfo.JSHELL.equals(block.kind());
    }

    private static boolean isConventional(Page page, String name) {
        return name.equals(page.exampleName());
    }

    private static Duration timeout(Page page, Duration fallback) {
        return page.header().value("timeout").map(s -> Duration.ofSeconds(Integer.parseInt(s))).orElse(fallback);
    }

    private static Optional<Duration> blockTimeout(Page page, Block block, Problems problems) {
        Optional<String> value = block.info().attribute("timeout");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            int seconds = Integer.parseInt(value.get());
            if (seconds > 0) {
                return Optional.of(Duration.ofSeconds(seconds));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(page.path(), block.line(), "timeout '" + value.get() + "' is not a positive number of seconds",
                "Write it like ```java timeout=30.");
        return Optional.empty();
    }

    private static int line(Object place) {
        return place instanceof Block b ? b.line() : ((InlineValue) place).line();
    }

    private static int column(Object place) {
        return place instanceof Block ? 0 : ((InlineValue) place).column();
    }
}
