package dev.llmqa.build;

import dev.llmqa.bake.KeptStore;
import dev.llmqa.bake.Render;
import dev.llmqa.content.Scanned;
import dev.llmqa.diagram.CheckedSvgs;
import dev.llmqa.execute.Lazy;
import dev.llmqa.js.JsEngine;
import dev.llmqa.js.JsEngines;
import dev.llmqa.snippet.pool.SharedRunner;
import dev.llmqa.snippet.pool.SnippetRunner;
import dev.llmqa.snippet.pool.WorkerPool;
import dev.llmqa.config.SiteConfig;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The costly tools a build uses, each made on first use: the snippet worker JVMs and the JavaScript engine that
 * runs KaTeX and highlight.js (a Node process, or GraalJS without Node); and, kept across builds only, what the scan
 * made of each content file, the stored SVGs found sound and JBake's content store. A build
 * makes its own and closes them when it ends; the preview server keeps one set across rebuilds ({@link #kept()}),
 * so a save costs what it changed, not JVM start-ups or engine loads.
 */
public final class Tools implements AutoCloseable {

    private final Function<SiteConfig, SnippetRunner> runners;
    private final Lazy<WorkerPool> workers;
    private final JsEngines js = new JsEngines();
    private final Scanned scanned;
    private final KeptStore store;
    private final CheckedSvgs svgs;
    private Thread warming;

    private Tools(Function<SiteConfig, SnippetRunner> runners, Lazy<WorkerPool> workers, Scanned scanned,
                  KeptStore store) {
        this.runners = runners;
        this.workers = workers;
        this.scanned = scanned;
        this.store = store;
        this.svgs = store == null ? CheckedSvgs.none() : CheckedSvgs.kept();
    }

    /** Tools for one build: its worker JVMs are started when snippets must run and stopped when they have. */
    public static Tools forOneBuild() {
        return new Tools(Tools::pool, null, Scanned.none(), null);
    }

    /**
     * Tools kept across builds: the worker JVMs stay up between builds until {@link #close()}, in the sandbox the
     * first build's settings chose.
     */
    public static Tools kept() {
        return kept(Tools::pool);
    }

    /**
     * Tools kept across builds with worker pools of the caller's making (the test suite's: fewer JVMs, no warm-up),
     * given the first build's configuration. Closing stops what was started; a later build starts it again.
     */
    public static Tools kept(Function<SiteConfig, WorkerPool> pools) {
        AtomicReference<SiteConfig> first = new AtomicReference<>();
        Lazy<WorkerPool> pool = new Lazy<>(() -> {
            WorkerPool made = pools.apply(first.get());
            made.keepLastPageOpen();
            return made;
        });
        return new Tools(config -> {
            first.compareAndSet(null, config);
            return new SharedRunner(pool.get());
        }, pool, Scanned.kept(), new KeptStore());
    }

    /**
     * Tools kept across builds whose snippets run on a pool the caller owns (asked for on each build that has
     * snippets to run, with its configuration): closing them closes the JavaScript engine and JBake's store and
     * leaves the pool to its owner. The test suite keeps one pool across its test classes this way, and an engine for each class.
     */
    public static Tools keptOn(Function<SiteConfig, WorkerPool> pool) {
        return new Tools(config -> new SharedRunner(pool.apply(config)), null, Scanned.kept(), new KeptStore());
    }

    /** The workers' class-data archive is kept with the project's cache, and used with or without --no-cache. */
    private static WorkerPool pool(SiteConfig config) {
        return new WorkerPool(config.settings().sandbox(), config.settings().path(), config.cache().resolve(ARCHIVES));
    }

    /** The folder of the cache that holds the worker JVMs' class-data archive. */
    public static final String ARCHIVES = "jvm";

    /** Makes the snippet runner when a build has snippets to run; the build closes it after use. */
    Function<SiteConfig, SnippetRunner> runners() {
        return runners;
    }

    /** What the scan made of each content file in earlier builds with these tools (nothing for one build). */
    Scanned scanned() {
        return scanned;
    }

    /** The stored SVGs earlier builds with these tools found sound (none for one build). */
    CheckedSvgs svgs() {
        return svgs;
    }

    /** JBake's content store kept up across builds with these tools; null for one build (each bake has its own). */
    KeptStore store() {
        return store;
    }

    /** The one engine math and highlighting share (a build asks for it when something is new). */
    JsEngines js() {
        return js;
    }

    /**
     * Starts, in the background, what a rebuild after a save will want, so that the first save costs what later
     * ones do: the snippet JVMs (which warm javac up while idle), JBake's kept store, and the JavaScript engine with
     * KaTeX and highlight.js loaded. For the preview server, after its first build (which may have needed none of
     * them). Closing the tools waits for it.
     */
    public synchronized void warmUp(SiteConfig config) {
        if (warming != null || store == null) {
            return;
        }
        warming = new Thread(() -> {
            try {
                runners.apply(config).close(); // a shared runner: the pool stays up, its workers start
                Render.start(store);
                JsEngine engine = js.get(config.settings().path());
                engine.prepare(JsEngine.Library.KATEX);
                engine.prepare(JsEngine.Library.HIGHLIGHT);
            } catch (RuntimeException e) {
                // the rebuild that needs the tool starts it again and reports what fails
            }
        }, "llmqa-warm-up");
        warming.setDaemon(true);
        warming.start();
    }

    @Override
    public void close() {
        Thread warm;
        synchronized (this) {
            warm = warming;
        }
        if (warm != null) {
            try {
                warm.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try (Lazy<WorkerPool> pool = workers; JsEngines j = js; KeptStore s = store) {
            // closed in reverse order, each even when another fails
        }
    }
}
