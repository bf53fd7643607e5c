package dev.llmqa.site;

/**
 * A page as the templates get it beside its header: the body rendered from the parsed markdown and the executors'
 * results, its "On this page" list, whether it shows math, and the example file its "Try it" box offers ("" none).
 */
public record PageHtml(String body, String toc, boolean hasMath, String exampleFile) {
}
