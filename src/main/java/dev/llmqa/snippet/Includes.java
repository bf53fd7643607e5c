package dev.llmqa.snippet;

import dev.llmqa.problem.Problem;
import dev.llmqa.problem.Problems;
import dev.llmqa.site.Block;
import dev.llmqa.site.Page;
import dev.llmqa.site.Results;
import dev.llmqa.site.Spot;
import java.util.Optional;

/** Resolves {@code ```java include=FILE#REGION} blocks to the code they show (the file already ran). */
final class Includes {

    private Includes() {
    }

    static Results resolve(Page page, ExampleFiles examples, Results results, Problems problems) {
        Results updated = results;
        for (Block block : page.blocks()) {
            Optional<IncludeTarget> include = IncludeTarget.of(block);
            if (include.isEmpty()) {
                continue;
            }
            String region = include.get().region();
            ExampleFiles.Read file = examples.read(include.get().file(), page.path(), block.line());
            if (!file.ok()) {
                problems.add(file.problem());
                continue;
            }
            if (region.isEmpty()) {
                updated = updated.with(Spot.of(page, block), Outputs.Included.class,
                        new Outputs.Included(Regions.withoutMarkers(file.text()), file.shownPath(), ""));
                continue;
            }
            Optional<Regions.Region> found = Regions.find(file.text(), region);
            if (found.isEmpty()) {
                var names = Regions.names(file.text());
                problems.add(Problem.at(page.path(), block.line(),
                        "region '" + region + "' is not in " + file.shownPath(),
                        dev.llmqa.problem.Suggest.didYouMean(region, names) + (names.isEmpty()
                                ? "Mark it in the file: // @start region=\"" + region + "\" … // @end"
                                : "Regions there: " + String.join(", ", names) + ".")));
                continue;
            }
            updated = updated.with(Spot.of(page, block), Outputs.Included.class,
                    new Outputs.Included(found.get().text(), file.shownPath(), region));
        }
        return updated;
    }
}
