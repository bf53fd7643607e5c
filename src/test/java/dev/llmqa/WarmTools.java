package dev.llmqa;

import dev.llmqa.build.Tools;
import dev.llmqa.cli.Main;
import dev.llmqa.config.SiteConfig;
import dev.llmqa.snippet.pool.Sandbox;
import dev.llmqa.snippet.pool.WorkerOptions;
import dev.llmqa.snippet.pool.WorkerPool;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the preview server keeps warm between builds (snippet JVMs, KaTeX, highlight.js), kept for a test's builds:
 * {@code @RegisterExtension static final WarmTools TOOLS = WarmTools.shared();}. Each tool starts on first use. The
 * builds are the real pipeline; only the start-up of its tools is shared.
 *
 * <p>The shared set serves every class of the test JVM that registers it: its snippet JVMs stay up from one such
 * class to the next (starting two worker JVMs cost each class about 2 s of CPU, and more when they warmed up) and
 * are closed when the JVM's tests end; the JavaScript engine and JBake's content store are closed after each class
 * (MermaidCliTest counts the node processes left). A set of one's own ({@code new WarmTools(...)}) is closed after its class.
 */
public final class WarmTools implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    /**
     * Warmed up as a build's: with the JVMs kept across classes, seven classes of fixture builds took 76 s of CPU
     * with warm-up and 87 s without (one test JVM; 137 s when each class started its own).
     */
    private static final WarmTools SHARED = new WarmTools(Runtime.getRuntime().availableProcessors(), true, true);
    private static final ExtensionContext.Namespace HERE = ExtensionContext.Namespace.create(WarmTools.class);

    private final int workers;
    private final boolean shared;
    private final WorkerOptions options;
    private final Tools tools;
    /** The snippet JVMs, made by the first build that runs snippets, and the settings that chose their sandbox. */
    private WorkerPool pool;
    private String poolSettings;
    private volatile boolean keepLastPageOpen;

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
        this.shared = shared;
        List<String> jvm = new ArrayList<>(WorkerOptions.DEFAULT_JVM_OPTIONS);
        if (!warmUp) {
            jvm.add("-Dllmqa.worker.warmUpSessions=0");
        }
        this.options = WorkerOptions.defaults().withJvmOptions(jvm);
        this.tools = Tools.keptOn(this::pool);
    }

    /**
     * The pool, in the sandbox the first build's settings chose, as the preview server's pool gets it. A build
     * with other sandbox settings (another class's) gets a pool of its own choosing.
     */
    private synchronized WorkerPool pool(SiteConfig config) {
        String settings = config.settings().sandbox() + "\0" + config.settings().path();
        if (pool != null && !settings.equals(poolSettings)) {
            closePool();
        }
        if (pool == null) {
            pool = new WorkerPool(options, workers, Sandbox.choose(config.settings().sandbox(), config.settings().path(), options));
            if (keepLastPageOpen) {
                pool.keepLastPageOpen();
            }
            poolSettings = settings;
        }
        return pool;
    }

    private synchronized void closePool() {
        if (pool != null) {
            try {
                pool.close();
            } finally {
                pool = null;
            }
        }
    }

    /** Its pool keeps the last page's session open for code added at its end, as the preview server's does. */
    public WarmTools keepingLastPageOpen() {
        keepLastPageOpen = true;
        return this;
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

    /** The shared set is closed for good when the test JVM's tests end (JUnit closes what its root store holds). */
    @Override
    public void beforeAll(ExtensionContext context) {
        if (shared) {
            context.getRoot().getStore(HERE).getOrComputeIfAbsent(WarmTools.class, key -> this, WarmTools.class);
        }
    }

    /**
     * After each class: the shared set closes its JavaScript engine and content store and keeps its snippet JVMs;
     * another set closes.
     */
    @Override
    public void afterAll(ExtensionContext context) {
        if (shared) {
            tools.close();
        } else {
            close();
        }
    }

    /** Closes what was started; a later build starts it again. */
    @Override
    public void close() {
        try {
            tools.close();
        } finally {
            closePool();
        }
    }
}
