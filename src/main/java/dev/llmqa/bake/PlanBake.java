package dev.llmqa.bake;

import dev.llmqa.config.SiteConfig;
import dev.llmqa.manifest.Keep;
import dev.llmqa.manifest.Keys;
import dev.llmqa.markdown.PageRenderer;
import dev.llmqa.problem.Problems;
import dev.llmqa.site.BakePlan;
import dev.llmqa.site.Page;
import dev.llmqa.site.PageHtml;
import dev.llmqa.site.Site;
import dev.llmqa.site.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Before JBake: renders every published page's body (once, pages side by side; the render stage bakes it into its
 * template), computes each output's key, and compares them with the manifest of the previous build: a page whose
 * key is unchanged is kept from the previous site, the others are baked.
 */
public final class PlanBake implements Stage {

    @Override
    public Done run(Site site, Problems problems) throws IOException {
        PageRenderer renderer = new PageRenderer(site.renderers());
        List<Page> published = site.pages().stream().filter(Page::published).toList();
        // pages side by side: each has its own parsed body and renderer, and the renderers only look up results
        List<Optional<PageHtml>> rendered = published.parallelStream()
                .map(page -> render(site.config(), renderer, page, problems)).toList();
        Map<String, PageHtml> html = new LinkedHashMap<>();
        for (int i = 0; i < published.size(); i++) {
            String uri = published.get(i).uri();
            rendered.get(i).ifPresent(parts -> html.put(uri, parts));
        }
        if (!problems.isEmpty()) {
            return new Done(site, "rendering failed");
        }
        SiteConfig config = site.config();
        String shared = Keys.shared(config);
        boolean dates = Keys.templatesShowDates(config.templates());
        String navigation = Keys.navigation(site.pages(), dates);
        Map<String, String> keys = new LinkedHashMap<>();
        for (Page page : site.pages()) {
            if (html.containsKey(page.uri())) {
                keys.put(page.uri(), Keys.page(shared, navigation, page, html.get(page.uri()), dates));
            }
        }
        BakePlan plan = Keep.plan(config, html, keys, Keys.listings(shared, navigation));
        int bake = plan.pagesToBake().size();
        String summary = plan.previous() == null ? bake + " pages to bake"
                : bake + " pages to bake, " + (keys.size() - bake) + " kept" + (plan.bakeListings() ? "" : ", listings kept");
        return new Done(site.withPlan(plan), summary);
    }

    private static Optional<PageHtml> render(SiteConfig config, PageRenderer renderer, Page page,
                                                       Problems problems) {
        try {
            String body = renderer.render(page);
            String toc = Toc.of(page); // after rendering, which gave each heading its id
            String example = Files.isRegularFile(config.examples().resolve(page.exampleName())) ? page.exampleName() : "";
            return Optional.of(new PageHtml(body, toc, !page.formulas().isEmpty(), example));
        } catch (RuntimeException e) {
            problems.add(page.path(), 0, "rendering the markdown failed: " + e,
                    "This is a bug in llmqa or one of its renderers; please report it with this file.");
            return Optional.empty();
        }
    }
}
