package dev.llmqa;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmqa.config.SiteConfig;
import dev.llmqa.content.Scan;
import dev.llmqa.example.ExampleFiles;
import dev.llmqa.execute.Executor;
import dev.llmqa.problem.Problem;
import dev.llmqa.problem.Problems;
import dev.llmqa.site.Page;
import dev.llmqa.site.Site;
import dev.llmqa.snippet.PagePlan;
import dev.llmqa.snippet.SnippetCache;
import dev.llmqa.snippet.SnippetExecutor;
import dev.llmqa.snippet.Snippets;
import dev.llmqa.snippet.pool.BusyLoops;
import dev.llmqa.snippet.pool.PageProgram;
import dev.llmqa.snippet.pool.WorkerPool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Every snippet of the project's pages run once per test run, as a build runs them (the snippet stage alone) but
 * cold: new worker JVMs, nothing read from the cache, four busy loops beside them. ProjectExamplesTest reads what
 * it found. Its results are stored in the project's cache, as {@code --no-cache} stores them, so the project site
 * built after it runs no snippet.
 *
 * <p>The run is recorded in target/project-snippets.json for the test JVMs that come after it in the same run
 * ({@code llmqa.test.run}, as {@link ProjectSite}). When the project site is built first from an empty cache, the
 * build would run every snippet itself: {@link ProjectSite} has this run made first instead, so that a fresh clone
 * runs the site's snippets once, not twice (about 30 s of CPU).
 */
public final class ProjectSnippets {

    private static final Path RECORD = Path.of("target/project-snippets.json").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What the run found: every problem, the snippet stage's summary ("12 pages ran sandboxed (bubblewrap), 0 from
     * cache; slowest: …"), how many blocks printed something, and the test run it belongs to.
     */
    public record Run(List<Problem> problems, String summary, int printed, String testRun) {
    }

    private ProjectSnippets() {
    }

    /** The run of this test run: recorded by an earlier test JVM, or made now. */
    public static Run run() throws Exception {
        return ProjectSite.locked(ProjectSnippets::runOnce);
    }

    /** {@link #run()}, for a caller that holds the lock. */
    static Run runOnce() throws Exception {
        String testRun = ProjectSite.testRun();
        Optional<Run> recorded = recorded(testRun);
        if (recorded.isPresent()) {
            return recorded.get();
        }
        Files.deleteIfExists(RECORD);
        Site site = scan();
        Problems problems = new Problems();
        Executor.Done<Snippets> done;
        try (BusyLoops busy = new BusyLoops(4)) {
            done = new SnippetExecutor(c -> new WorkerPool(c.settings().sandbox(), c.settings().path()))
                    .execute(site, problems);
        }
        Run run = new Run(problems.list(), done.summary(), done.results().printed().size(), testRun);
        Files.createDirectories(RECORD.getParent());
        JSON.writeValue(RECORD.toFile(), run);
        return run;
    }

    /**
     * Whether a build of the project would run every snippet (its cache holds no page's results, as in a fresh
     * clone) while this test run has not made its cold run yet: the run then goes first, and the build finds its
     * results. A cache that lacks only some pages (an edited page) is left to the build, which runs just those.
     */
    static boolean wouldRunEverySnippet() throws Exception {
        if (recorded(ProjectSite.testRun()).isPresent()) {
            return false;
        }
        Site site = new Scan().run(Site.start(SiteConfig.of(Path.of(""))), new Problems()).site();
        SnippetCache cache = SnippetCache.of(site.config(), new Problems());
        ExampleFiles examples = new ExampleFiles(site.config().examples());
        for (Page page : site.pages()) {
            Optional<PagePlan> plan = PagePlan.of(page, examples, PageProgram.DEFAULT_TIMEOUT, new Problems());
            if (plan.isPresent() && cache.get(plan.get().program()).isPresent()) {
                return false;
            }
        }
        return true;
    }

    /** The project's pages as the run scans them (its own folders and cache, nothing read from the cache). */
    public static Site scan() throws IOException {
        Problems problems = new Problems();
        Site site = new Scan().run(Site.start(SiteConfig.of(Path.of("")).withCache(false)), problems).site();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the project's pages do not scan:\n" + problems.report());
        }
        return site;
    }

    private static Optional<Run> recorded(String testRun) throws IOException {
        if (!Files.isRegularFile(RECORD)) {
            return Optional.empty();
        }
        Run run = JSON.readValue(RECORD.toFile(), Run.class);
        return run.testRun().equals(testRun) ? Optional.of(run) : Optional.empty();
    }
}
