package dev.llmqa.execute;

import dev.llmqa.problem.Problems;
import dev.llmqa.site.Site;
import dev.llmqa.site.Stage;
import java.util.List;

/** The execute stage: hands the scanned site to each executor in turn; each adds its results to the site. */
public final class Execute implements Stage {

    private final List<Executor> executors;

    public Execute(List<Executor> executors) {
        this.executors = List.copyOf(executors);
    }

    @Override
    public String name() {
        return "execute";
    }

    @Override
    public Site run(Site site, Problems problems) {
        Site result = site;
        for (Executor executor : executors) {
            result = executor.execute(result, problems);
        }
        return result;
    }

    @Override
    public String summary(Site site) {
        return executors.isEmpty() ? "nothing to execute"
                : String.join("; ", executors.stream().map(e -> e.name() + ": " + e.summary()).toList());
    }
}
