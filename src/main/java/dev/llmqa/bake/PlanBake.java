package dev.llmqa.bake;

import dev.llmqa.config.SiteConfig;
import dev.llmqa.manifest.Keep;
import dev.llmqa.manifest.Keys;
import dev.llmqa.manifest.TemplateFiles;
import dev.llmqa.markdown.PageRenderer;
import dev.llmqa.problem.Problems;
import dev.llmqa.site.BakePlan;
import dev.llmqa.site.BodyParts;
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
import java.util.Set;
import java.util.function.Supplier;

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
        List<Optional<BodyParts>> found = published.parallelStream()
                .map(page -> attempt(page, problems, () -> renderer.parts(page, exampleFile(config, page)))).toList();
        if (!problems.isEmpty()) {
            return new Done(site, "rendering failed");
        }
        Map<String, BodyParts> parts = new LinkedHashMap<>();
        Map<String, String> bodies = new LinkedHashMap<>();
        for (int i = 0; i < published.size(); i++) {
            Page page = published.get(i);
            parts.put(page.uri(), found.get(i).orElseThrow());
            bodies.put(page.uri(), Keys.body(page, parts.get(page.uri())));
        }
        TemplateFiles templates = TemplateFiles.read(config.templates());
        String shared = Keys.shared(config, templates);
        boolean dates = templates.showDates();
        boolean allBodies = templates.showBodies();
        String navigation = Keys.navigation(site.pages(), dates, allBodies ? bodies : Map.of());
        Map<String, String> keys = new LinkedHashMap<>();
        for (Page page : published) {
            keys.put(page.uri(), Keys.page(shared, navigation, page, bodies.get(page.uri()), dates));
        }
        BakePlan plan = Keep.plan(config, keys, Keys.listings(shared, navigation));
        Set<String> bake = plan.pagesToBake();
        List<Page> toRender = published.stream().filter(page -> allBodies || bake.contains(page.uri())).toList();
        List<Optional<PageHtml>> rendered = toRender.parallelStream().map(page -> attempt(page, problems, () -> {
            String body = renderer.render(page);
            String toc = Toc.of(page); // after rendering, which gave each heading its id
            return new PageHtml(body, toc, !page.formulas().isEmpty(), parts.get(page.uri()).exampleFile());
        })).toList();
        Map<String, PageHtml> html = new LinkedHashMap<>();
        for (int i = 0; i < toRender.size(); i++) {
            String uri = toRender.get(i).uri();
            rendered.get(i).ifPresent(one -> html.put(uri, one));
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

    /** What {@code work} makes of the page, or a problem when a renderer fails on it. */
    private static <T> Optional<T> attempt(Page page, Problems problems, Supplier<T> work) {
        try {
            return Optional.of(work.get());
        } catch (RuntimeException e) {
            problems.add(page.path(), 0, "rendering the markdown failed: " + e,
                    "This is a bug in llmqa or one of its renderers; please report it with this file.");
            return Optional.empty();
        }
    }
}
