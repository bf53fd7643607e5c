package dev.llmqa.build;

import dev.llmqa.config.SiteConfig;
import dev.llmqa.diagram.Diagram;
import dev.llmqa.diagram.DiagramExecutor;
import dev.llmqa.diagram.DiagramStore;
import dev.llmqa.problem.BuildFailed;
import dev.llmqa.site.Site;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code prune-diagrams}: deletes the stored SVGs that no diagram of the scanned pages uses. */
public final class PruneDiagrams {

    /** @param removed the file names deleted from diagrams/; @param inUse how many stored SVGs the pages use */
    public record Pruned(List<String> removed, int inUse) {
    }

    private PruneDiagrams() {
    }

    /** @throws BuildFailed when the content has problems (a diagram's key cannot be trusted then) */
    public static Pruned run(SiteConfig config) throws BuildFailed, IOException {
        Site site = Pipeline.scan(config, Progress.SILENT);
        Set<String> used = DiagramExecutor.diagrams(site).stream().map(Diagram::key).collect(Collectors.toSet());
        return new Pruned(new DiagramStore(config.diagrams()).prune(used), used.size());
    }
}
