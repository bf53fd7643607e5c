package dev.llmqa.snippet.wire;

import java.util.List;

/**
 * What the worker sends back for one step.
 *
 * @param failure null when the step succeeded
 * @param recycle the worker should be replaced after this page (its heap may be damaged, e.g. after an OOM)
 */
public record Reply(String output, boolean truncated, List<String> transcript, String value, Fault failure,
             boolean recycle) {

    public Reply {
        transcript = List.copyOf(transcript);
    }
}
