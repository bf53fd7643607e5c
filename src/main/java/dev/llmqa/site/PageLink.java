package dev.llmqa.site;

/**
 * A file a page's markdown names — a link, an image, a reference definition, or an attribute of raw HTML — with its
 * line, so a check over the written page can point at the markdown that made a reference.
 *
 * @param url  as written in the page
 * @param line 1-based file line
 */
public record PageLink(String url, int line) {
}
