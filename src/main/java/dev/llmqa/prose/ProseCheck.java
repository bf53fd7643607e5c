package dev.llmqa.prose;

import dev.llmqa.markdown.Markdown;
import dev.llmqa.problem.Problems;
import dev.llmqa.site.Page;
import dev.llmqa.site.Site;
import dev.llmqa.site.Stage;

/** The prose stage: {@link TypedNumbers} over every page, before any snippet runs (it needs nothing they compute). */
public final class ProseCheck implements Stage {

    @Override
    public String name() {
        return "prose";
    }

    @Override
    public Site run(Site site, Problems problems) {
        for (Page page : site.pages()) {
            problems.addAll(TypedNumbers.find(page.path(), Markdown.parse(page.body()), page.header().separatorLine()));
        }
        return site;
    }

    @Override
    public String summary(Site site) {
        return site.pages().size() + " pages, no hand-typed numbers";
    }
}
