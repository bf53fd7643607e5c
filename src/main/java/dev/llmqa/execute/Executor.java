package dev.llmqa.execute;

import dev.llmqa.problem.Problems;
import dev.llmqa.site.Results;
import dev.llmqa.site.Site;

/**
 * Computes something for the blocks of the pages (runs snippets, renders diagrams, typesets math). Executors run
 * at the same time, each on the scanned site, and return only their own results.
 */
public interface Executor {

    String name();

    Results execute(Site site, Problems problems);

    /** A few words with counts about the last run, for the progress line. */
    String summary();
}
