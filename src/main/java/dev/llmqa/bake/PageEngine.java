package dev.llmqa.bake;

import dev.llmqa.markdown.PageRenderer;
import dev.llmqa.problem.Problems;
import dev.llmqa.site.Page;
import dev.llmqa.site.Site;
import java.io.File;
import java.util.Optional;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.model.DocumentModel;
import org.jbake.parser.MarkdownEngine;
import org.jbake.parser.ParserContext;

/**
 * JBake's markdown engine, with our flexmark configuration and block renderers. JBake keeps parsing the header
 * (we validated it in the scan stage); the body comes from the scanned {@link Page}, so lines match the scan.
 */
final class PageEngine extends MarkdownEngine {

    private final Site site;
    private final PageRenderer renderer;
    private final Problems problems;

    PageEngine(Site site, PageRenderer renderer, Problems problems) {
        this.site = site;
        this.renderer = renderer;
        this.problems = problems;
    }

    /** Drafts are not baked at all (JBake would publish them as NAME-draft.html). */
    @Override
    public DocumentModel parse(JBakeConfiguration config, File file) {
        Optional<Page> page = site.page(file.toPath());
        if (page.isPresent() && !page.get().published()) {
            return null;
        }
        return super.parse(config, file);
    }

    /** examples/NAME.jsh of content/…/NAME.md, when it exists: the page's "Try it" box offers it. */
    private Optional<String> exampleFile(Page page) {
        String file = page.exampleName();
        return java.nio.file.Files.isRegularFile(site.config().examples().resolve(file)) ? Optional.of(file) : Optional.empty();
    }

    @Override
    public void processHeader(ParserContext context) {
        Optional<Page> page = site.page(context.getFile().toPath());
        page.ifPresent(p -> {
            // numbers, so templates can sort questions by order (JBake keeps header values as strings)
            p.order().ifPresent(order -> context.getDocumentModel().put("order", order));
            context.getDocumentModel().put("sourcepath", p.path());
        });
    }

    @Override
    public void processBody(ParserContext context) {
        Optional<Page> page = site.page(context.getFile().toPath());
        if (page.isEmpty()) {
            problems.add(site.config().display(context.getFile().toPath()), 0,
                    "the file appeared after the scan stage read content/", "Build again.");
            return;
        }
        try {
            String html = renderer.render(page.get(), site);
            context.setBody(html);
            context.getDocumentModel().put("toc", Toc.of(html));
            context.getDocumentModel().put("hasmath", !page.get().formulas().isEmpty());
            exampleFile(page.get()).ifPresent(name -> context.getDocumentModel().put("examplefile", name));
        } catch (RuntimeException e) {
            problems.add(page.get().path(), 0, "rendering the markdown failed: " + e,
                    "This is a bug in llmqa or one of its renderers; please report it with this file.");
        }
    }
}
