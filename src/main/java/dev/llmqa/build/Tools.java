package dev.llmqa.build;

import dev.llmqa.execute.Lazy;
import dev.llmqa.js.JsEngines;
import dev.llmqa.snippet.pool.SharedRunner;
import dev.llmqa.snippet.pool.SnippetRunner;
import dev.llmqa.snippet.pool.WorkerPool;
import java.util.function.Supplier;

/**
 * The costly tools a build uses, each made on first use: the snippet worker JVMs and the JavaScript engine that
 * runs KaTeX and highlight.js (a Node process, or GraalJS without Node). A build
 * makes its own and closes them when it ends; the preview server keeps one set across rebuilds ({@link #kept()}),
 * so a save costs what it changed, not JVM start-ups or engine loads.
 */
public final class Tools implements AutoCloseable {

    private final Supplier<SnippetRunner> runners;
    private final Lazy<WorkerPool> workers;
    private final JsEngines js = new JsEngines();

    private Tools(Supplier<SnippetRunner> runners, Lazy<WorkerPool> workers) {
        this.runners = runners;
        this.workers = workers;
    }

    /** Tools for one build: its worker JVMs are started when snippets must run and stopped when they have. */
    public static Tools forOneBuild() {
        return new Tools(WorkerPool::new, null);
    }

    /** Tools kept across builds: the worker JVMs stay up between builds until {@link #close()}. */
    public static Tools kept() {
        Lazy<WorkerPool> pool = new Lazy<>(WorkerPool::new);
        return new Tools(() -> new SharedRunner(pool.get()), pool);
    }

    /** Makes the snippet runner when a build has snippets to run; the build closes it after use. */
    Supplier<SnippetRunner> runners() {
        return runners;
    }

    /** The one engine math and highlighting share (a build asks for it when something is new). */
    JsEngines js() {
        return js;
    }

    @Override
    public void close() {
        try (Lazy<WorkerPool> pool = workers; JsEngines j = js) {
            // closed in reverse order, each even when another fails
        }
    }
}
