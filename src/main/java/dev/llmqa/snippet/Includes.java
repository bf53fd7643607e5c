package dev.llmqa.snippet;

import dev.llmqa.problem.Problem;
import dev.llmqa.problem.Problems;
import dev.llmqa.site.Block;
import dev.llmqa.site.Page;
import dev.llmqa.site.Results;
import dev.llmqa.site.Spot;
import java.util.Optional;

/** Resolves {@code ```java include=FILE#REGION} blocks to the code they show (the file already ran). */
public final class Includes {

    private Includes() {
    }

    static Results resolve(Page page, ExampleFiles examples, Results results, Problems problems) {
        Results updated = results;
        for (Block block : page.blocks()) {
            Optional<IncludeTarget> include = IncludeTarget.of(block);
            if (include.isEmpty()) {
                continue;
            }
            Shown shown = shown(page, block, include.get(), examples);
            if (shown.problem() != null) {
                problems.add(shown.problem());
            } else {
                updated = updated.with(Spot.of(page, block), Outputs.Included.class, shown.included());
            }
        }
        return updated;
    }

    /** The code a block shows: its own, or what its include= names (empty when that cannot be read). */
    public static Optional<String> code(Page page, Block block, ExampleFiles examples) {
        Optional<IncludeTarget> include = IncludeTarget.of(block);
        if (include.isEmpty()) {
            return Optional.of(block.code());
        }
        return Optional.ofNullable(shown(page, block, include.get(), examples).included()).map(Outputs.Included::code);
    }

    /** The included code, or the problem that stops it (exactly one is set). */
    private record Shown(Outputs.Included included, Problem problem) {
    }

    private static Shown shown(Page page, Block block, IncludeTarget target, ExampleFiles examples) {
        ExampleFiles.Read file = examples.read(target.file(), page.path(), block.line());
        if (!file.ok()) {
            return new Shown(null, file.problem());
        }
        if (target.wholeFile()) {
            return new Shown(new Outputs.Included(Regions.withoutMarkers(file.text()), file.shownPath(), ""), null);
        }
        String region = target.region();
        Optional<Regions.Region> found = Regions.find(file.text(), region);
        if (found.isEmpty()) {
            var names = Regions.names(file.text());
            return new Shown(null, Problem.at(page.path(), block.line(),
                    "region '" + region + "' is not in " + file.shownPath(),
                    dev.llmqa.problem.Suggest.didYouMean(region, names) + (names.isEmpty()
                            ? "Mark it in the file: // @start region=\"" + region + "\" … // @end"
                            : "Regions there: " + String.join(", ", names) + ".")));
        }
        return new Shown(new Outputs.Included(found.get().text(), file.shownPath(), region), null);
    }
}
