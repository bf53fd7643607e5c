package dev.llmqa.execute;

import dev.llmqa.problem.Problems;
import dev.llmqa.site.Results;
import dev.llmqa.site.Site;
import dev.llmqa.site.Stage;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The execute stage: runs every executor at once on the scanned site and merges what they computed. */
public final class Execute implements Stage {

    /** Executors mostly wait on other processes (JShell workers, a browser), so they get a thread each. */
    private static final java.util.concurrent.Executor THREADS = runnable -> {
        Thread thread = new Thread(runnable, "llmqa-execute");
        thread.setDaemon(true);
        thread.start();
    };

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
        List<CompletableFuture<Results>> running = executors.stream()
                .map(executor -> CompletableFuture.supplyAsync(() -> executor.execute(site, problems), THREADS))
                .toList();
        Results results = site.results();
        for (CompletableFuture<Results> one : running) {
            try {
                results = results.merge(one.join());
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        return site.withResults(results);
    }

    @Override
    public String summary(Site site) {
        return executors.isEmpty() ? "nothing to execute"
                : String.join("; ", executors.stream().map(e -> e.name() + ": " + e.summary()).toList());
    }
}
