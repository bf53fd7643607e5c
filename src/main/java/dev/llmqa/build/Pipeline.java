package dev.llmqa.build;

import dev.llmqa.bake.PlanBake;
import dev.llmqa.bake.Render;
import dev.llmqa.check.LinkCheck;
import dev.llmqa.check.OutputCheck;
import dev.llmqa.check.ReadPages;
import dev.llmqa.config.SiteConfig;
import dev.llmqa.content.Scan;
import dev.llmqa.diagram.DiagramExecutor;
import dev.llmqa.diagram.MermaidCli;
import dev.llmqa.example.CopyExamples;
import dev.llmqa.example.UnusedExamples;
import dev.llmqa.highlight.CodeBlockRenderer;
import dev.llmqa.highlight.HighlightExecutor;
import dev.llmqa.math.KatexAssets;
import dev.llmqa.math.MathExecutor;
import dev.llmqa.manifest.Inputs;
import dev.llmqa.manifest.Stamp;
import dev.llmqa.manifest.StampFile;
import dev.llmqa.problem.BuildFailed;
import dev.llmqa.problem.Problem;
import dev.llmqa.prose.ProseCheck;
import dev.llmqa.problem.Problems;
import dev.llmqa.search.SearchIndex;
import dev.llmqa.site.Site;
import dev.llmqa.site.Sources;
import dev.llmqa.site.Stage;
import dev.llmqa.snippet.SnippetExecutor;
import dev.llmqa.snippet.render.JavaBlockRenderer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The composition root and the loop: scan → unused examples → prose check → execute → plan bake → render → KaTeX assets → copy examples →
 * read pages → search index → output check → link check → publish. Each stage gets the site the previous one returned; after a
 * stage that found problems the build stops and fails once with all of them. Whatever happens, a staging folder that
 * was not published is removed. A build that would read exactly what the last build read, which published without a
 * warning, and finds the site as that build left it, runs no stage at all ({@link StampFile}). Every command that
 * builds ({@code build}, {@code check}, {@code serve}) and {@code prune-diagrams} gets its stages here.
 */
public final class Pipeline {

    /** How long a build waits for another build of the same project before it gives up. */
    static final Duration PATIENCE = Duration.ofMinutes(10);

    private final List<Stage> stages;
    private final Progress progress;
    private final Tools owned;
    private final boolean publish;

    /**
     * @param owned  tools this pipeline made for its build, closed when the build ends (null: the caller's)
     * @param publish whether the site is published ({@code build}, {@code serve}) or only checked ({@code check})
     */
    private Pipeline(List<Stage> stages, Progress progress, Tools owned, boolean publish) {
        this.stages = List.copyOf(stages);
        this.progress = progress;
        this.owned = owned;
        this.publish = publish;
    }

    /** The full build; {@code publish=false} is the {@code check} command: everything but writing the site. */
    public static Pipeline standard(boolean publish, Progress progress) {
        Tools own = Tools.forOneBuild();
        return new Pipeline(stages(publish, own), progress, own, publish);
    }

    /** A build with tools its caller keeps warm across builds (and closes). */
    public static Pipeline standard(boolean publish, Progress progress, Tools kept) {
        return new Pipeline(stages(publish, kept), progress, null, publish);
    }

    /** Only the scan: the pages as the build would see them, for commands that need the content but no site. */
    public static Site scan(SiteConfig config, Progress progress) throws BuildFailed, IOException {
        return new Pipeline(List.of(new Scan()), progress, null, false).runStages(config, Sources.none()).site();
    }

    private static List<Stage> stages(boolean publish, Tools tools) {
        Set<String> highlighted = new HashSet<>(JavaBlockRenderer.KINDS);
        highlighted.addAll(CodeBlockRenderer.KINDS);
        List<Stage> stages = new ArrayList<>(List.of(
                new Scan(tools.scanned()),
                new UnusedExamples(),
                new ProseCheck(),
                new Execute(new SnippetExecutor(tools.runners()),
                        new DiagramExecutor(site -> new MermaidCli(site.config().mermaidTool(), site.config().settings()),
                                tools.svgs()),
                        new MathExecutor(tools.js()), new HighlightExecutor(tools.js(), highlighted)),
                new PlanBake(),
                new Render(tools.store()),
                new KatexAssets(),
                new CopyExamples(),
                new ReadPages(),
                new SearchIndex(),
                new OutputCheck(),
                new LinkCheck()));
        if (publish) {
            stages.add(new Publish());
        }
        return stages;
    }

    /** What a stage prepared and did not use only held resources: closing it cannot change the build's outcome. */
    private static void closeQuietly(AutoCloseable prepared) {
        try {
            prepared.close();
        } catch (Exception e) {
            // nothing of the build depends on it
        }
    }

    /** What a build did. */
    public enum Outcome {
        /** It ran its stages (and published, if it publishes). */
        BUILT,
        /** Its inputs were those of the last build that published without a warning, and the site is as that build left it: nothing ran. */
        UP_TO_DATE
    }

    public Outcome run(SiteConfig config) throws BuildFailed, IOException {
        try (BuildLock lock = BuildLock.take(config, progress, PATIENCE)) {
            Leftovers.clean(config);
            long start = System.nanoTime();
            Optional<Stamp> last = config.useCache() ? StampFile.read(config) : Optional.empty();
            Inputs inputs = config.useCache() ? inputs(config, last) : null;
            if (inputs != null && last.isPresent() && StampFile.upToDate(config, last.get(), inputs, publish)) {
                refresh(config, last.get(), inputs);
                progress.stage("up to date", "nothing changed since the last build"
                        + (publish ? ", " + config.display(config.out()) + "/ kept" : ""),
                        Duration.ofNanos(System.nanoTime() - start));
                return Outcome.UP_TO_DATE;
            }
            boolean warned = runStages(config, sources(inputs)).warned();
            if (publish && inputs != null && !warned) {
                stamp(config, inputs);
            }
            return Outcome.BUILT;
        } finally {
            if (owned != null) {
                owned.close();
            }
        }
    }

    /** What the build is about to read, or null when that cannot be told (a link loop): then it runs its stages. */
    private static Inputs inputs(SiteConfig config, Optional<Stamp> last) {
        try {
            return Inputs.read(config, last.map(stamp -> stamp.inputs().files()).orElse(Map.of()));
        } catch (IOException | java.io.UncheckedIOException e) {
            return null;
        }
    }

    /** A stamp not refreshed only costs the next build a few digests again. */
    private static void refresh(SiteConfig config, Stamp stamp, Inputs inputs) {
        try {
            StampFile.refresh(config, stamp, inputs);
        } catch (IOException e) {
            // the stamp as it was still describes these inputs and this site
        }
    }

    /** Without a stamp the next build runs its stages: nothing is lost when it cannot be written. */
    private static void stamp(SiteConfig config, Inputs inputs) {
        try {
            StampFile.write(config, inputs);
        } catch (IOException e) {
            // the next build of the same inputs runs its stages instead of stopping at once
        }
    }

    /** The last stage's site, and whether any stage warned. */
    private record Ran(Site site, boolean warned) {
    }

    /** Each file's digest as the inputs have it, for the stages (none when the inputs were not read). */
    private static Sources sources(Inputs inputs) {
        if (inputs == null) {
            return Sources.none();
        }
        Map<String, String> sha = new java.util.HashMap<>();
        inputs.files().forEach((path, seen) -> sha.put(path, seen.sha()));
        return new Sources(sha);
    }

    private Ran runStages(SiteConfig config, Sources sources) throws BuildFailed, IOException {
        Site site = Site.start(config, sources);
        Problems problems = new Problems();
        List<AutoCloseable> prepared = new ArrayList<>();
        boolean warned = false;
        try {
            stages.forEach(stage -> prepared.add(stage.prepare(config)));
            for (Stage stage : stages) {
                long start = System.nanoTime();
                Stage.Done done = stage.run(site, problems);
                site = done.site();
                List<Problem> warnings = problems.takeWarnings();
                warned |= !warnings.isEmpty();
                warnings.forEach(progress::warning);
                if (!problems.isEmpty()) {
                    throw new BuildFailed(problems.list());
                }
                progress.stage(stage.name(), done.summary(), Duration.ofNanos(System.nanoTime() - start));
            }
            return new Ran(site, warned);
        } finally {
            prepared.forEach(Pipeline::closeQuietly);
            Folders.delete(site.staging());
        }
    }
}
