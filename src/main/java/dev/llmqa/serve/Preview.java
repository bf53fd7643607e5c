package dev.llmqa.serve;

import dev.llmqa.build.Pipeline;
import dev.llmqa.build.Progress;
import dev.llmqa.build.Tools;
import dev.llmqa.config.SiteConfig;
import dev.llmqa.problem.BuildFailed;
import dev.llmqa.problem.Problems;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code serve}: build, serve the site, rebuild when content/, templates/ or examples/ change, and reload the
 * open pages. A failed rebuild keeps the last good site on screen with the problems shown over it.
 */
public final class Preview implements AutoCloseable {

    /**
     * How long a burst of file events must have been quiet before a rebuild starts: an editor's save (write, or a
     * temporary file renamed over the page) is a few events within milliseconds. A save that is still being written
     * after that costs one more rebuild, which is cheap; waiting longer would delay every reload.
     */
    static final long QUIET_MILLIS = 50;

    private final SiteConfig config;
    private final Progress progress;
    private final Consumer<String> log;
    private final DevServer server;
    private final Watcher watcher;
    private final Object building = new Object();
    /** Worker JVMs, KaTeX and highlight.js kept warm across rebuilds: a rebuild then costs what changed. */
    private final Tools kept;
    private volatile int builds;

    public Preview(SiteConfig config, int port, Progress progress, Consumer<String> log) throws IOException {
        this(config, port, progress, log, Tools.kept());
    }

    /**
     * With the tools to keep across rebuilds, closed with the preview (PreviewTest's: one snippet JVM, where the
     * command's pool starts two, warms them up and makes their class-data archive in each new project).
     */
    Preview(SiteConfig config, int port, Progress progress, Consumer<String> log, Tools kept) throws IOException {
        this.kept = kept;
        this.config = config;
        this.progress = progress;
        this.log = log;
        try {
            rebuild();
            kept.warmUp(config);
            this.server = new DevServer(config.out(), port);
            this.watcher = new Watcher(List.of(config.content(), config.templates(), config.examples()), QUIET_MILLIS,
                    this::changed);
        } catch (IOException | RuntimeException e) {
            closeTools();
            throw e;
        }
    }

    public String url() {
        return server.url();
    }

    /** How many builds have finished (good or bad); lets tests wait for a rebuild. */
    public int builds() {
        return builds;
    }

    private void changed() {
        String report = rebuild();
        if (report == null) {
            server.reload();
        } else {
            server.problems(report);
        }
    }

    /** Builds once; returns null on success, else the problem report. */
    private String rebuild() {
        synchronized (building) {
            long start = System.nanoTime();
            try {
                Pipeline.standard(true, progress, kept).run(config);
                log.accept(String.format("built in %.2f s", (System.nanoTime() - start) / 1e9));
                return null;
            } catch (BuildFailed failure) {
                String report = "build failed with " + Problems.report(failure.problems());
                log.accept(report.stripTrailing());
                return report;
            } catch (IOException | RuntimeException e) {
                String report = "build failed: " + e;
                log.accept(report);
                return report;
            } finally {
                builds++;
            }
        }
    }

    @Override
    public void close() throws IOException {
        watcher.close();
        server.close();
        closeTools();
    }

    private void closeTools() {
        synchronized (building) {
            kept.close();
        }
    }
}
