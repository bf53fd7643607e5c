package dev.llmqa.build;

import dev.llmqa.bake.Bake;
import dev.llmqa.check.LinkCheck;
import dev.llmqa.check.OutputCheck;
import dev.llmqa.config.SiteConfig;
import dev.llmqa.content.Scan;
import dev.llmqa.diagram.BrowserScript;
import dev.llmqa.diagram.DiagramExecutor;
import dev.llmqa.diagram.MermaidBlockRenderer;
import dev.llmqa.diagram.MermaidCli;
import dev.llmqa.execute.Execute;
import dev.llmqa.execute.Lazy;
import dev.llmqa.highlight.CodeBlockRenderer;
import dev.llmqa.highlight.HighlightExecutor;
import dev.llmqa.highlight.Highlighter;
import dev.llmqa.markdown.BlockRenderers;
import dev.llmqa.math.Katex;
import dev.llmqa.math.KatexAssets;
import dev.llmqa.math.KatexRenderer;
import dev.llmqa.math.MathExecutor;
import dev.llmqa.prose.ProseCheck;
import dev.llmqa.search.SearchIndex;
import dev.llmqa.snippet.JavaBlockRenderer;
import dev.llmqa.snippet.PublishExamples;
import dev.llmqa.snippet.SnippetExecutor;
import dev.llmqa.snippet.SnippetRunner;
import dev.llmqa.snippet.TranscriptRenderer;
import dev.llmqa.snippet.UnusedExamples;
import dev.llmqa.snippet.ValueRenderer;
import dev.llmqa.snippet.WorkerPool;
import dev.llmqa.problem.BuildFailed;
import dev.llmqa.problem.Problems;
import dev.llmqa.site.Site;
import dev.llmqa.site.Stage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * scan → execute → render → check → publish. A short loop: each stage gets the site the previous one returned;
 * after a stage that found problems the build stops and fails once with all of them. Whatever happens, a
 * staging folder that was not published is removed.
 */
public final class Pipeline {

    private final List<Stage> stages;
    private final Progress progress;
    private final List<AutoCloseable> owned;

    public Pipeline(List<Stage> stages, Progress progress) {
        this(stages, progress, List.of());
    }

    /** @param owned tools this pipeline made for its build, closed when the build ends */
    private Pipeline(List<Stage> stages, Progress progress, List<AutoCloseable> owned) {
        this.stages = List.copyOf(stages);
        this.progress = progress;
        this.owned = List.copyOf(owned);
    }

    /** The full build; {@code publish=false} is the {@code check} command: everything but writing the site. */
    public static Pipeline standard(boolean publish, Progress progress) {
        Kept own = new Kept(WorkerPool::new, new Lazy<>(Katex::new), new Lazy<>(Highlighter::new));
        return standard(publish, progress, own, List.of(own.katex(), own.highlighter()));
    }

    /**
     * What a long-running process (the preview server) keeps warm across builds; a build makes what is missing
     * and closes it after use.
     *
     * @param runners     makes the snippet runner when a build has snippets to run; the build closes it after use
     *                    (the preview server's outlives builds, so its worker JVMs stay warm)
     * @param katex       KaTeX, loaded on first use
     * @param highlighter highlight.js, loaded on first use
     */
    public record Kept(Supplier<SnippetRunner> runners, Lazy<Katex> katex, Lazy<Highlighter> highlighter) {
    }

    /** A build with tools its caller keeps (and closes). */
    public static Pipeline standard(boolean publish, Progress progress, Kept kept) {
        return standard(publish, progress, kept, List.of());
    }

    private static Pipeline standard(boolean publish, Progress progress, Kept kept, List<AutoCloseable> owned) {
        Supplier<SnippetRunner> runners = kept.runners();
        List<Stage> stages = new ArrayList<>(List.of(
                new Scan(),
                new UnusedExamples(),
                new ProseCheck(),
                new Execute(List.of(new SnippetExecutor(runners),
                        new DiagramExecutor(site -> new MermaidCli(site.config().mermaidTool())),
                        new MathExecutor(kept.katex()), new HighlightExecutor(kept.highlighter()))),
                new Bake(new BlockRenderers(List.of(new JavaBlockRenderer(), new TranscriptRenderer(),
                        new MermaidBlockRenderer(), new CodeBlockRenderer()), new ValueRenderer(), new KatexRenderer())),
                new BrowserScript(),
                new KatexAssets(),
                new PublishExamples(),
                new SearchIndex(),
                new OutputCheck(),
                new LinkCheck()));
        if (publish) {
            stages.add(new Publish());
        }
        return new Pipeline(stages, progress, owned);
    }

    public Site run(SiteConfig config) throws BuildFailed, IOException {
        Site site = Site.start(config);
        Problems problems = new Problems();
        try {
            for (Stage stage : stages) {
                long start = System.nanoTime();
                site = stage.run(site, problems);
                problems.takeWarnings().forEach(progress::warning);
                if (!problems.isEmpty()) {
                    throw new BuildFailed(problems.list());
                }
                progress.stage(stage.name(), stage.summary(site), Duration.ofNanos(System.nanoTime() - start));
            }
            return site;
        } finally {
            Folders.delete(site.staging());
            for (AutoCloseable tool : owned) {
                close(tool);
            }
        }
    }

    private static void close(AutoCloseable tool) {
        try {
            tool.close();
        } catch (Exception e) {
            // the build's result stands; a tool that fails to close only holds memory until the process ends
        }
    }
}
