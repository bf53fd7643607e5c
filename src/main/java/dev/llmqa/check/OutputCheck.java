package dev.llmqa.check;

import dev.llmqa.problem.Problems;
import dev.llmqa.site.Page;
import dev.llmqa.site.Site;
import dev.llmqa.site.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The check stage: every published page was written and is not empty. JBake fails silently when a template
 * engine is missing or a template renders nothing; this makes such a failure a problem at the page.
 */
public final class OutputCheck implements Stage {

    @Override
    public Done run(Site site, Problems problems) throws IOException {
        int checked = 0;
        for (Page page : site.pages()) {
            if (!page.published()) {
                continue;
            }
            checked++;
            Path html = site.staging().resolve(page.uri());
            String template = "templates/" + page.type() + ".ftl";
            if (!Files.isRegularFile(html)) {
                problems.add(page.path(), 1, "no page was written for it (expected " + page.uri() + ")",
                        "JBake skipped it: check that " + template + " exists and renders; run with -v for JBake's log.");
            } else if (Files.size(html) == 0 || Files.readString(html).isBlank()) {
                problems.add(page.path(), 1, "its page " + page.uri() + " is empty",
                        "The template " + template + " rendered nothing: is the FreeMarker engine on the class path,"
                                + " and does the template print ${content.body}?");
            }
        }
        return new Done(site, checked + " pages checked");
    }

}
