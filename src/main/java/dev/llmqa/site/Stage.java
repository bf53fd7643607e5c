package dev.llmqa.site;

import dev.llmqa.config.SiteConfig;
import dev.llmqa.problem.Problems;
import java.io.IOException;
import java.util.Locale;

/** One step of the pipeline: takes the site so far, returns the next one with a summary, reports what is wrong. */
public interface Stage {

    /** What a stage returns: the next site, and a few words with counts for the progress line ("12 pages"). */
    record Done(Site site, String summary) {
    }

    Done run(Site site, Problems problems) throws IOException;

    /**
     * Called when the build begins, before any stage runs: a stage may start something slow it will need on a thread
     * of its own (the render stage starts JBake's database). The build closes what this returns when it ends, used
     * or not (a build can fail before the stage runs). The default starts nothing.
     */
    default AutoCloseable prepare(SiteConfig config) {
        return () -> { };
    }

    /** The progress line's name: the class's, in words ("UnusedExamples" is "unused examples"). */
    default String name() {
        return words(getClass().getSimpleName());
    }

    static String words(String className) {
        return className.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }
}
