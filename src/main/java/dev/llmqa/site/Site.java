package dev.llmqa.site;

import dev.llmqa.config.SiteConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What flows down the pipeline. Each stage returns a new value; none changes the one it got.
 *
 * @param config    where things are
 * @param pages     scanned pages, sorted by path
 * @param renderers what the execute stage made for the render stage: renderers bound to the executors' results
 * @param staging   the folder the render stage writes into (null until rendering)
 * @param written   the written files as the stages after rendering read them (none until they are read)
 * @param plan      what the render stage bakes and what it keeps of the previous site (none until planned)
 * @param baked     what the render stage wrote, with the keys of its inputs (none until rendering)
 * @param sources   the digests of the files the build reads, as the pipeline saw them before the first stage
 */
public record Site(SiteConfig config, List<Page> pages, Renderers renderers, Path staging, Written written,
                   BakePlan plan, Baked baked, Sources sources) {

    public Site {
        pages = List.copyOf(pages);
    }

    public static Site start(SiteConfig config) {
        return start(config, Sources.none());
    }

    public static Site start(SiteConfig config, Sources sources) {
        return new Site(config, List.of(), Renderers.none(), null, Written.none(), BakePlan.none(), Baked.none(), sources);
    }

    public Site withPages(List<Page> newPages) {
        return new Site(config, newPages, renderers, staging, written, plan, baked, sources);
    }

    public Site withStaging(Path folder) {
        return new Site(config, pages, renderers, folder, written, plan, baked, sources);
    }

    public Site withRenderers(Renderers made) {
        return new Site(config, pages, made, staging, written, plan, baked, sources);
    }

    public Site withWritten(Written read) {
        return new Site(config, pages, renderers, staging, read, plan, baked, sources);
    }

    public Site withPlan(BakePlan made) {
        return new Site(config, pages, renderers, staging, written, made, baked, sources);
    }

    public Site withBaked(Baked wrote) {
        return new Site(config, pages, renderers, staging, written, plan, wrote, sources);
    }

    public Optional<Page> page(Path source) {
        Path abs = source.toAbsolutePath().normalize();
        return pages.stream().filter(p -> p.source().equals(abs)).findFirst();
    }
}
