package dev.llmqa.site;

import java.util.List;

/**
 * What a page's rendered body is made of besides its own markdown: the HTML each of its blocks, inline values and
 * formulas gets from its renderer (so every snippet, diagram, math and highlight result the body embeds), and the
 * example file its "Try it" box offers ("" none). The body is a function of the page and these, so the plan can key
 * a page on them without rendering it.
 */
public record BodyParts(List<String> parts, String exampleFile) {

    public BodyParts {
        parts = List.copyOf(parts);
    }
}
