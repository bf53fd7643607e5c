package dev.llmqa.snippet;

import dev.llmqa.problem.Problems;
import dev.llmqa.site.Block;
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
 * blocks and inline values in document order. {@link #spots} says which place each step belongs to.
 */
public record PagePlan(Page page, PageProgram program, List<Spot> spots) {

    public static final String KIND_JAVA = "java";
    public static final String KIND_JSHELL = "jshell";
    public static final String NORUN = "norun";
    public static final String INCLUDE = "include";

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
        int line = page.header().entry("examples").map(HeaderEntry::line).orElse(1);
        for (String name : exampleNames(page)) {
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
                Step step = step(page, block);
                steps.add(step);
                spots.add(Spot.of(page, block));
                blockTimeout(page, block, problems).ifPresent(t -> timeouts.put(step, t));
            } else if (place instanceof InlineValue value) {
                steps.add(new Step.Value(new Source(page.path(), value.line(), value.expression())));
                spots.add(Spot.of(page, value));
            }
        }
        return Optional.of(new PagePlan(page, new PageProgram(page.path(), steps, timeout(page, defaultTimeout), timeouts), spots));
    }

    /** A {@code java} block runs unless marked {@code norun} or {@code include=}; a {@code jshell} block replays. */
    public static boolean executes(Block block) {
        return KIND_JAVA.equals(block.kind()) && !block.info().has(NORUN) && block.info().attribute(INCLUDE).isEmpty()
                || KIND_JSHELL.equals(block.kind());
    }

    private static Step step(Page page, Block block) {
        if (KIND_JSHELL.equals(block.kind())) {
            List<Source> inputs = TranscriptBlock.parse(block.code(), block.codeLine()).entries().stream()
                    .map(e -> new Source(page.path(), e.line(), e.input())).toList();
            return new Step.Transcript(inputs);
        }
        return new Step.Run(new Source(page.path(), block.codeLine(), block.code()));
    }

    /** examples/NAME.jsh for a page NAME.md (when it exists), then the header's list, without repeats. */
    static List<String> exampleNames(Page page) {
        List<String> names = new ArrayList<>();
        names.add(page.exampleName());
        page.header().value("examples").ifPresent(list -> Arrays.stream(list.split(","))
                .map(String::strip).filter(n -> !n.isEmpty() && !names.contains(n)).forEach(names::add));
        return names;
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
