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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jbake.app.Asset;
import org.jbake.app.Crawler;
import org.jbake.app.Oven;
import org.jbake.app.Renderer;
import org.jbake.app.Utensils;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;
import org.jbake.parser.Engines;

/**
 * The render stage: JBake bakes content/ with templates/ into a new staging folder beside the output folder.
 * JBake keeps global state (its engine registry, document types), so one bake runs at a time per JVM.
 */
public final class Render implements Stage {

    private static final Object JBAKE = new Object();
    /** Bakes ended in this JVM (under {@link #JBAKE}): each shuts OrientDB down, so a store started before is dead. */
    private static int bakes;

    private CompletableFuture<Optional<EarlyStore.Started>> early;

    /** Starts JBake's database now, beside the stages before this one; closes it if the build ends before the bake. */
    @Override
    public synchronized AutoCloseable prepare(SiteConfig config) {
        CompletableFuture<Optional<EarlyStore.Started>> started = EarlyStore.begin(JBAKE, () -> bakes);
        early = started;
        return () -> {
            synchronized (this) {
                if (early == started) {
                    early = null;
                    started.join().ifPresent(s -> EarlyStore.discard(JBAKE, s));
                }
            }
        };
    }

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
        Optional<EarlyStore.Started> early = takeEarlyStore(); // joined outside the lock its start holds
        synchronized (JBAKE) {
            Engines.register("md", new PageEngine(baked, renderer, problems));
            DefaultJBakeConfiguration jbake = configuration(config, staging);
            Optional<EarlyStore> store = early.filter(s -> s.afterBakes() == bakes).map(EarlyStore.Started::store);
            try {
                Oven oven = store.map(s -> new Oven(utensils(jbake, s))).orElseGet(() -> new Oven(jbake));
                try {
                    oven.bake();
                } catch (RuntimeException e) {
                    problems.add(SiteConfig.CONTENT, 0, "JBake failed: " + rootMessage(e),
                            "Run again with -v to see JBake's log.");
                }
                oven.getErrors().stream().flatMap(e -> JBakeErrors.toProblems(e).stream()).distinct().forEach(problems::add);
            } finally {
                bakes++;
            }
        }
        List<String> assets = site.renderers().writeAssets(staging);
        long pages = site.pages().stream().filter(Page::published).count();
        return new Done(baked, pages + " pages baked" + assets.stream().map(a -> ", " + a).collect(Collectors.joining()));
    }


    /** The store {@link #prepare} started, when it did (waiting for it to be up); this bake owns it now. */
    private synchronized Optional<EarlyStore.Started> takeEarlyStore() {
        if (early == null) {
            return Optional.empty();
        }
        Optional<EarlyStore.Started> started = early.join();
        early = null;
        return started;
    }

    /** What JBake's UtensilsFactory makes, around a store that is already up. */
    private static Utensils utensils(DefaultJBakeConfiguration jbake, EarlyStore store) {
        Utensils utensils = new Utensils();
        utensils.setConfiguration(jbake);
        utensils.setContentStore(store);
        utensils.setCrawler(new Crawler(store, jbake));
        utensils.setRenderer(new Renderer(store, jbake));
        utensils.setAsset(new Asset(jbake));
        return utensils;
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
        jbake.setProperty("db.store", EarlyStore.TYPE);
        jbake.setProperty("db.path", EarlyStore.NAME);
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
