package dev.llmqa.example;

import dev.llmqa.site.Included;

import dev.llmqa.problem.Problem;
import dev.llmqa.problem.Problems;
import dev.llmqa.site.Block;
import java.util.Optional;

/** Resolves {@code ```java include=FILE#REGION} blocks to the code they show, once, when the page is scanned. */
public final class Includes {

    private final ExampleFiles examples;

    public Includes(ExampleFiles examples) {
        this.examples = examples;
    }

    /**
     * The block, with the code it shows when it is an {@code include=} block; a file or region that is not there is
     * a problem (and the block is returned as it was).
     */
    public Block resolve(String page, Block block, Problems problems) {
        Optional<IncludeTarget> include = IncludeTarget.of(block);
        if (include.isEmpty()) {
            return block;
        }
        Shown shown = shown(page, block, include.get());
        if (shown.problem() != null) {
            problems.add(shown.problem());
            return block;
        }
        return block.showing(shown.included());
    }

    /** The included code, or the problem that stops it (exactly one is set). */
    private record Shown(Included included, Problem problem) {
    }

    private Shown shown(String page, Block block, IncludeTarget target) {
        ExampleFiles.Read file = examples.read(target.file(), page, block.line());
        if (!file.ok()) {
            return new Shown(null, file.problem());
        }
        if (target.wholeFile()) {
            return new Shown(new Included(Regions.withoutMarkers(file.text()), file.shownPath(), ""), null);
        }
        String region = target.region();
        Optional<Regions.Region> found = Regions.find(file.text(), region);
        if (found.isEmpty()) {
            var names = Regions.names(file.text());
            return new Shown(null, Problem.at(page, block.line(),
                    "region '" + region + "' is not in " + file.shownPath(),
                    dev.llmqa.text.Suggest.didYouMean(region, names) + (names.isEmpty()
                            ? "Mark it in the file: // @start region=\"" + region + "\" … // @end"
                            : "Regions there: " + String.join(", ", names) + ".")));
        }
        return new Shown(new Included(found.get().text(), file.shownPath(), region), null);
    }
}
