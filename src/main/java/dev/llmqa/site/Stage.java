package dev.llmqa.site;

import dev.llmqa.problem.Problems;
import java.io.IOException;

/** One step of the pipeline: takes the site so far, returns the next one, reports what is wrong. */
public interface Stage {

    String name();

    Site run(Site site, Problems problems) throws IOException;

    /** A few words with counts for the progress line, e.g. "12 pages, 30 blocks". */
    String summary(Site site);
}
