package dev.llmqa.snippet;

import dev.llmqa.problem.Problem;
import java.util.List;

/**
 * What the worker sends back for one step.
 *
 * @param failure null when the step succeeded
 * @param recycle the worker should be replaced after this page (its heap may be damaged, e.g. after an OOM)
 */
record Reply(String output, boolean truncated, List<String> transcript, String value, Problem failure,
             boolean recycle) {

    Reply {
        transcript = List.copyOf(transcript);
    }
}
