package dev.llmqa.bake;

import dev.llmqa.config.Publishing;
import dev.llmqa.config.SiteConfig;
import dev.llmqa.content.Templates;
import dev.llmqa.site.Page;
import java.util.List;
import java.util.stream.Collectors;
import dev.llmqa.markdown.PageRenderer;
import dev.llmqa.problem.Problems;
import dev.llmqa.site.Site;
import dev.llmqa.site.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.jbake.app.Oven;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;
import org.jbake.parser.Engines;

/**
 * The render stage: JBake bakes content/ with templates/ into a new staging folder beside the output folder.
 * JBake keeps global state (its engine registry, document types), so one bake runs at a time per JVM.
 */
public final class Render implements Stage {

    private static final Object JBAKE = new Object();

    @Override
    public Done run(Site site, Problems problems) throws IOException {
        SiteConfig config = site.config();
        Path out = config.out();
        Files.createDirectories(out.getParent());
        Path staging = Files.createTempDirectory(out.getParent(), "." + out.getFileName() + ".staging-");
        if (Files.getFileStore(staging).supportsFileAttributeView("posix")) {
            // a temporary folder is private (rwx------); a published site is world-readable like any other output
            Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Site baked = site.withStaging(staging);
        PageRenderer renderer = new PageRenderer(site.renderers());
        synchronized (JBAKE) {
            Engines.register("md", new PageEngine(baked, renderer, problems));
            Oven oven = new Oven(configuration(config, staging));
            try {
                oven.bake();
            } catch (RuntimeException e) {
                problems.add(SiteConfig.CONTENT, 0, "JBake failed: " + rootMessage(e),
                        "Run again with -v to see JBake's log.");
            }
            oven.getErrors().stream().flatMap(e -> JBakeErrors.toProblems(e).stream()).distinct().forEach(problems::add);
        }
        List<String> assets = site.renderers().writeAssets(staging);
        long pages = site.pages().stream().filter(Page::published).count();
        return new Done(baked, pages + " pages baked" + assets.stream().map(a -> ", " + a).collect(Collectors.joining()));
    }


    private static DefaultJBakeConfiguration configuration(SiteConfig config, Path staging) throws IOException {
        DefaultJBakeConfiguration jbake = new JBakeConfigurationFactory()
                .createDefaultJbakeConfiguration(config.root().toFile(), staging.toFile(), true);
        jbake.setContentFolder(config.content().toFile());
        jbake.setTemplateFolder(config.templates().toFile());
        jbake.setAssetFolder(config.assets().toFile());
        jbake.setDataFolder(config.root().resolve(".llmqa/no-data").toFile());
        jbake.setProperty("render.index", false);
        jbake.setProperty("render.feed", false);
        jbake.setProperty("render.archive", false);
        boolean tags = Files.isRegularFile(config.templates().resolve(Templates.TAG + ".ftl"));
        jbake.setProperty("render.tags", tags);
        jbake.setProperty("template.tag.file", Templates.TAG + ".ftl");
        jbake.setProperty("render.tagsindex", tags && Files.isRegularFile(config.templates().resolve(Templates.TAG_INDEX + ".ftl")));
        jbake.setProperty("template.tagsindex.file", Templates.TAG_INDEX + ".ftl");
        jbake.setProperty("tag.sanitize", true);
        jbake.setProperty("render.error404", false);
        jbake.setProperty("db.store", "memory");
        jbake.setDefaultStatus("");
        jbake.setDefaultType("");
        jbake.setImgPathUPdate(false);
        Publishing publishing = config.settings().publishing();
        jbake.setProperty("site.host", publishing.host());
        jbake.setProperty("site.edit", publishing.edit());
        jbake.setProperty("render.sitemap", !publishing.host().isEmpty()
                && Files.isRegularFile(config.templates().resolve(Templates.SITEMAP + ".ftl")));
        jbake.setProperty("template.sitemap.file", Templates.SITEMAP + ".ftl");
        for (String type : Templates.types(config.templates())) {
            jbake.setTemplateFileNameForDocType(type, type + ".ftl");
        }
        return jbake;
    }

    static String rootMessage(Throwable error) {
        StringBuilder text = new StringBuilder(String.valueOf(error.getMessage()));
        Throwable cause = error.getCause();
        while (cause != null && cause != error) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append(": ").append(cause.getMessage());
            }
            error = cause;
            cause = cause.getCause();
        }
        return text.toString().replaceAll("\\s+", " ").strip();
    }
}
