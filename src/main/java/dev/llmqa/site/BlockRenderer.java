package dev.llmqa.site;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Renders the fenced blocks of some kinds ({@code java}, {@code jshell}, {@code mermaid}, …) to HTML. A renderer is
 * made with the results of the executor that feeds it, so its constructor says what it shows.
 */
public interface BlockRenderer {

    /** The info-string kinds this renderer takes. */
    Set<String> kinds();

    /** The HTML for {@code block} of {@code page}. */
    String render(Block block, Page page);

    /** Writes the files the rendered HTML needs into the site (a script, say); nothing by default. */
    default void writeAssets(Path site) throws IOException {
    }

    /** What this renderer's files are, for the progress line; empty when it wrote none. */
    default String assets() {
        return "";
    }
}
