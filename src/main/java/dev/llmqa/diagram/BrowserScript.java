package dev.llmqa.diagram;

import dev.llmqa.problem.Problems;
import dev.llmqa.site.Site;
import dev.llmqa.site.Stage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * After rendering: when some diagram is left to the browser, copies mermaid.js from its WebJar into the site
 * (no CDN). A site whose diagrams are all stored SVGs loads no mermaid.js at all.
 */
public final class BrowserScript implements Stage {

    private static final String WEBJAR = "/META-INF/resources/webjars/mermaid/11.14.0/dist/mermaid.min.js";
    private boolean copied;

    @Override
    public String name() {
        return "assets";
    }

    @Override
    public Site run(Site site, Problems problems) throws IOException {
        copied = site.pages().stream().anyMatch(page -> page.blocks().stream().anyMatch(block ->
                site.results().get(dev.llmqa.site.Spot.of(page, block), Drawings.InBrowser.class).isPresent()));
        if (copied) {
            Path target = site.staging().resolve(MermaidBlockRenderer.SCRIPT);
            Files.createDirectories(target.getParent());
            try (InputStream in = BrowserScript.class.getResourceAsStream(WEBJAR)) {
                if (in == null) {
                    throw new IOException("mermaid.js is missing from the class path (" + WEBJAR + ")");
                }
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return site;
    }

    @Override
    public String summary(Site site) {
        return copied ? "mermaid.js for diagrams drawn in the browser" : "no browser scripts needed";
    }
}
