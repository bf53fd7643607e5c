package dev.llmqa.execute;

import dev.llmqa.problem.Problems;
import dev.llmqa.site.Site;

/**
 * Computes one feature's results for the blocks of the pages (runs snippets, draws diagrams, typesets math). Executors
 * run at the same time, each on the scanned site; each returns its own result type, which only that feature's
 * renderers take.
 *
 * @param <R> the feature's results
 */
public interface Executor<R> {

    /** What an executor returns: its results, and a few words with counts for the progress line. */
    record Done<R>(R results, String summary) {
    }

    String name();

    Done<R> execute(Site site, Problems problems);
}
