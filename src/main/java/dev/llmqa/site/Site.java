package dev.llmqa.site;

import dev.llmqa.config.SiteConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What flows down the pipeline. Each stage returns a new value; none changes the one it got.
 *
 * @param config  where things are
 * @param pages   scanned pages, sorted by path
 * @param results what the executors computed for blocks and inline values
 * @param staging the folder the render stage writes into (null until rendering)
 */
public record Site(SiteConfig config, List<Page> pages, Results results, Path staging) {

    public Site {
        pages = List.copyOf(pages);
    }

    public static Site start(SiteConfig config) {
        return new Site(config, List.of(), Results.empty(), null);
    }

    public Site withPages(List<Page> newPages) {
        return new Site(config, newPages, results, staging);
    }

    public Site withStaging(Path folder) {
        return new Site(config, pages, results, folder);
    }

    public Site withResults(Results newResults) {
        return new Site(config, pages, newResults, staging);
    }

    public Optional<Page> page(Path source) {
        Path abs = source.toAbsolutePath().normalize();
        return pages.stream().filter(p -> p.source().equals(abs)).findFirst();
    }
}
