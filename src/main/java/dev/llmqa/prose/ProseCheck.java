package dev.llmqa.prose;

import dev.llmqa.problem.Problems;
import dev.llmqa.site.Page;
import dev.llmqa.site.Site;
import dev.llmqa.site.Stage;

/** The prose stage: {@link TypedNumbers} over every page, before any snippet runs (it needs nothing they compute). */
public final class ProseCheck implements Stage {

    @Override
    public Done run(Site site, Problems problems) {
        for (Page page : site.pages()) {
            problems.addAll(TypedNumbers.find(page.path(), page.parsed().document(), page.header().separatorLine()));
        }
        return new Done(site, site.pages().size() + " pages, no hand-typed numbers");
    }
}
