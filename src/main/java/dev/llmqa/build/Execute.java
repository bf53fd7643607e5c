package dev.llmqa.build;

import dev.llmqa.diagram.Drawings;
import dev.llmqa.diagram.MermaidBlockRenderer;
import dev.llmqa.execute.Executor;
import dev.llmqa.highlight.CodeBlockRenderer;
import dev.llmqa.highlight.Highlights;
import dev.llmqa.math.KatexRenderer;
import dev.llmqa.math.Typesetting;
import dev.llmqa.problem.Problems;
import dev.llmqa.site.Renderers;
import dev.llmqa.site.Site;
import dev.llmqa.site.Stage;
import dev.llmqa.snippet.Snippets;
import dev.llmqa.snippet.render.JavaBlockRenderer;
import dev.llmqa.snippet.render.TranscriptRenderer;
import dev.llmqa.snippet.render.ValueRenderer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The execute stage: runs the four executors at once on the scanned site, then makes the render stage's renderers,
 * each from the results of the executors that feed it.
 */
final class Execute implements Stage {

    /** Executors mostly wait on other processes (JShell workers, a browser), so they get a thread each. */
    private static final java.util.concurrent.Executor THREADS = runnable -> {
        Thread thread = new Thread(runnable, "llmqa-execute");
        thread.setDaemon(true);
        thread.start();
    };

    private final Executor<Snippets> snippets;
    private final Executor<Drawings> diagrams;
    private final Executor<Typesetting> math;
    private final Executor<Highlights> highlight;

    Execute(Executor<Snippets> snippets, Executor<Drawings> diagrams, Executor<Typesetting> math,
            Executor<Highlights> highlight) {
        this.snippets = snippets;
        this.diagrams = diagrams;
        this.math = math;
        this.highlight = highlight;
    }

    @Override
    public Done run(Site site, Problems problems) {
        var ran = start(snippets, site, problems);
        var drawn = start(diagrams, site, problems);
        var typeset = start(math, site, problems);
        var highlighted = start(highlight, site, problems);
        Snippets s = join(ran).results();
        Drawings d = join(drawn).results();
        Typesetting t = join(typeset).results();
        Highlights h = join(highlighted).results();
        boolean reproducible = site.config().reproducible();
        Renderers renderers = new Renderers(List.of(new JavaBlockRenderer(s, h, reproducible),
                new TranscriptRenderer(s, reproducible), new MermaidBlockRenderer(d), new CodeBlockRenderer(h)),
                new ValueRenderer(s), new KatexRenderer(t));
        String summary = String.join("; ", List.of(line(snippets, ran), line(diagrams, drawn), line(math, typeset),
                line(highlight, highlighted)));
        return new Done(site.withRenderers(renderers), summary);
    }

    private static <R> CompletableFuture<Executor.Done<R>> start(Executor<R> executor, Site site, Problems problems) {
        return CompletableFuture.supplyAsync(() -> executor.execute(site, problems), THREADS);
    }

    private static <R> Executor.Done<R> join(CompletableFuture<Executor.Done<R>> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static String line(Executor<?> executor, CompletableFuture<? extends Executor.Done<?>> done) {
        return executor.name() + ": " + done.join().summary();
    }
}
