package dev.llmqa.bake;

import dev.llmqa.problem.Problems;
import dev.llmqa.site.HeaderEntry;
import dev.llmqa.site.Page;
import dev.llmqa.site.PageHtml;
import dev.llmqa.site.Site;
import java.io.File;
import java.nio.file.Path;
import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.model.DocumentModel;
import org.jbake.parser.MarkupEngine;

/**
 * JBake's engine for {@code .md} files, fed by the scan: JBake names the file, and the page the scan made of it gives
 * the header values (already validated) and the body (rendered once, by {@link PlanBake}), so nothing reads, parses
 * or renders the file again. Every page is given to JBake, kept or not: the templates list them all. A kept page
 * has no body unless a template shows other pages' bodies (then {@link PlanBake} rendered them all).
 * The model holds what JBake's own header parsing would put there, and what our templates use besides.
 */
final class PageEngine extends MarkupEngine {

    private final Site site;
    private final Map<Path, Page> bySource;
    private final Problems problems;

    PageEngine(Site site, Problems problems) {
        this.site = site;
        this.bySource = site.pages().stream().collect(Collectors.toMap(Page::source, Function.identity()));
        this.problems = problems;
    }

    /** Drafts are not baked at all (JBake would publish them as NAME-draft.html). */
    @Override
    public DocumentModel parse(JBakeConfiguration config, File file) {
        Page page = bySource.get(file.toPath().toAbsolutePath().normalize());
        if (page == null) {
            problems.add(site.config().display(file.toPath()), 0,
                    "the file appeared after the scan stage read content/", "Build again.");
            return null;
        }
        if (!page.published()) {
            return null;
        }
        DocumentModel model = DocumentModel.createDefaultDocumentModel();
        for (HeaderEntry entry : page.header().entries()) {
            store(config, entry.key(), entry.value().strip(), model);
        }
        if (!model.containsKey("tags")) {
            model.setTags(new String[0]); // as JBake does: templates may list a page's tags without asking if any
        }
        if (model.getDate() == null) {
            model.setDate(new Date(file.lastModified()));
        }
        // numbers, so templates can sort questions by order (JBake keeps header values as strings)
        page.order().ifPresent(order -> model.put("order", order));
        model.put("sourcepath", page.path());
        PageHtml html = site.plan().html().get(page.uri());
        if (html == null && site.plan().kept().containsKey(page.uri())) {
            // its file is the previous build's, and no template shows another page's body (else all were rendered)
            model.setBody("");
            return model;
        }
        if (html == null) {
            problems.add(page.path(), 0, "the page was not rendered before baking",
                    "This is a bug in llmqa; please report it with this file.");
            return model;
        }
        model.setBody(html.body());
        model.put("toc", html.toc());
        model.put("hasmath", html.hasMath());
        if (!html.exampleFile().isEmpty()) {
            model.put("examplefile", html.exampleFile()); // the page's "Try it" box offers it
        }
        return model;
    }

    /**
     * A header value as JBake 2.7 stores it: a date, tags (trimmed, spaces made dashes), a flag, or text. (JBake would
     * also read a value in braces as JSON; no key the scan accepts takes JSON.)
     */
    private static void store(JBakeConfiguration config, String key, String value, DocumentModel model) {
        if (key.equalsIgnoreCase("date")) {
            try {
                model.setDate(new SimpleDateFormat(config.getDateFormat()).parse(value));
            } catch (ParseException e) {
                // the scan reports a bad date; JBake would leave it unset too
            }
        } else if (key.equalsIgnoreCase("tags")) {
            model.setTags(Arrays.stream(value.split(",")).map(String::strip)
                    .map(tag -> config.getSanitizeTag() ? tag.replace(" ", "-") : tag).toArray(String[]::new));
        } else if (key.equalsIgnoreCase("cached")) {
            model.setCached(Boolean.parseBoolean(value));
        } else {
            model.put(key, value);
        }
    }
}
