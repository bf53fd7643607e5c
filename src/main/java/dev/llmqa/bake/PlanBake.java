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
 * Before JBake: computes each output's key from its inputs (for a page: its markdown and what its body embeds from
 * the renderers, {@link dev.llmqa.site.BodyParts}) and compares them with the manifest of the previous build: a page
 * whose key is unchanged is kept from the previous site, the others are baked, and only those are rendered (pages
 * side by side; the render stage bakes each body into its template). When a template shows other pages' bodies,
 * every body is rendered, as JBake's database then needs them all.
 */
public final class PlanBake implements Stage {

    @Override
    public Done run(Site site, Problems problems) throws IOException {
        SiteConfig config = site.config();
        PageRenderer renderer = new PageRenderer(site.renderers());
        List<Page> published = site.pages().stream().filter(Page::published).toList();
        // side by side: the renderers only look up results
        List<Optional<String>> bodyKeys = published.parallelStream()
                .map(page -> body(config, renderer, page, problems)).toList();
        if (!problems.isEmpty()) {
            return new Done(site, "rendering failed");
        }
        Map<String, String> bodies = new LinkedHashMap<>();
        for (int i = 0; i < published.size(); i++) {
            bodies.put(published.get(i).uri(), bodyKeys.get(i).orElseThrow());
        }
        String shared = Keys.shared(config);
        boolean dates = Keys.templatesShowDates(config.templates());
        boolean allBodies = Keys.templatesShowBodies(config.templates());
        String navigation = Keys.navigation(site.pages(), dates, allBodies ? bodies : Map.of());
        Map<String, String> keys = new LinkedHashMap<>();
        for (Page page : published) {
            keys.put(page.uri(), Keys.page(shared, navigation, page, bodies.get(page.uri()), dates));
        }
        BakePlan plan = Keep.plan(config, keys, Keys.listings(shared, navigation));
        java.util.Set<String> bake = plan.pagesToBake();
        List<Page> toRender = published.stream().filter(page -> allBodies || bake.contains(page.uri())).toList();
        List<Optional<PageHtml>> rendered = toRender.parallelStream()
                .map(page -> render(config, renderer, page, problems)).toList();
        Map<String, PageHtml> html = new LinkedHashMap<>();
        for (int i = 0; i < toRender.size(); i++) {
            String uri = toRender.get(i).uri();
            rendered.get(i).ifPresent(parts -> html.put(uri, parts));
        }
        if (!problems.isEmpty()) {
            return new Done(site, "rendering failed");
        }
        String summary = plan.previous() == null ? bake.size() + " pages to bake"
                : bake.size() + " pages to bake, " + (keys.size() - bake.size()) + " kept"
                + (plan.bakeListings() ? "" : ", listings kept");
        return new Done(site.withPlan(plan.withHtml(html)), summary);
    }

    private static String exampleFile(SiteConfig config, Page page) {
        return Files.isRegularFile(config.examples().resolve(page.exampleName())) ? page.exampleName() : "";
    }

    private static Optional<String> body(SiteConfig config, PageRenderer renderer, Page page, Problems problems) {
        try {
            return Optional.of(Keys.body(page, renderer.parts(page, exampleFile(config, page))));
        } catch (RuntimeException e) {
            problems.add(page.path(), 0, "rendering the markdown failed: " + e,
                    "This is a bug in llmqa or one of its renderers; please report it with this file.");
            return Optional.empty();
        }
    }

    private static Optional<PageHtml> render(SiteConfig config, PageRenderer renderer, Page page,
                                                       Problems problems) {
        try {
            String body = renderer.render(page);
            String toc = Toc.of(page); // after rendering, which gave each heading its id
            return Optional.of(new PageHtml(body, toc, !page.formulas().isEmpty(), exampleFile(config, page)));
        } catch (RuntimeException e) {
            problems.add(page.path(), 0, "rendering the markdown failed: " + e,
                    "This is a bug in llmqa or one of its renderers; please report it with this file.");
            return Optional.empty();
        }
    }
}
