package dev.llmqa;

import dev.llmqa.build.Tools;
import dev.llmqa.cli.Main;
import dev.llmqa.snippet.pool.Sandbox;
import dev.llmqa.snippet.pool.WorkerOptions;
import dev.llmqa.snippet.pool.WorkerPool;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the preview server keeps warm between builds (snippet JVMs, KaTeX, highlight.js), kept for a test's builds:
 * {@code @RegisterExtension static final WarmTools TOOLS = WarmTools.shared();}. Each tool starts on first use.
 * The shared set serves every class of the test JVM that registers it; it is closed after each such class and
 * started again by the next. A set of one's own ({@code new WarmTools(...)}) is closed after its class too. The builds are
 * the real pipeline; only the start-up of its tools is shared.
 */
public final class WarmTools implements AfterAllCallback, AutoCloseable {

    private static final WarmTools SHARED = new WarmTools(Runtime.getRuntime().availableProcessors(), true, true);

    private final int workers;
    private final Tools tools;

    /** The test JVM's set: as many snippet JVMs as a build would start, warmed up as a build's are. */
    public static WarmTools shared() {
        return SHARED;
    }

    /**
     * @param workers how many snippet JVMs
     * @param warmUp  whether they warm javac up while idle, as a build's do (worth it for many snippets; for a
     *                handful it only takes CPU from the build)
     */
    public WarmTools(int workers, boolean warmUp) {
        this(workers, warmUp, false);
    }

    private WarmTools(int workers, boolean warmUp, boolean shared) {
        this.workers = workers;
        List<String> jvm = new ArrayList<>(WorkerOptions.DEFAULT_JVM_OPTIONS);
        if (!warmUp) {
            jvm.add("-Dllmqa.worker.warmUpSessions=0");
        }
        WorkerOptions options = WorkerOptions.defaults().withJvmOptions(jvm);
        // the sandbox the first build's settings chose, as the preview server's pool gets it
        this.tools = Tools.kept(config -> new WorkerPool(options, this.workers,
                Sandbox.choose(config.settings().sandbox(), config.settings().path(), options)));
    }

    /** For {@code Pipeline.standard(publish, progress, kept)} and {@code Main.run(…, kept)}. */
    public Tools kept() {
        return tools;
    }

    /** The command line with these tools: exit code, and what it printed. */
    public Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), kept());
        return new Run(code, out.toString(), err.toString());
    }

    public record Run(int code, String out, String err) {
    }

    /** How many snippet JVMs the pool keeps. */
    public int workers() {
        return workers;
    }

    /**
     * Closes the set after each class, the shared one too (it starts again for the next class): with the shared
     * snippet JVMs left up across classes, a fresh clone's first build of the project timed out loading examples,
     * four runs in a row on a loaded machine (not yet understood).
     */
    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Closes what was started; a later build starts it again. */
    @Override
    public void close() {
        tools.close();
    }
}
