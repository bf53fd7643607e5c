package dev.llmqa.manifest;

import dev.llmqa.config.Release;
import dev.llmqa.config.SiteConfig;
import dev.llmqa.js.Pinned;
import dev.llmqa.site.Block;
import dev.llmqa.site.HeaderEntry;
import dev.llmqa.site.Page;
import dev.llmqa.site.BodyParts;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Stream;

/**
 * The keys of what JBake writes: a digest of every input an output file depends on. A page's key covers the page
 * (its source, header, the example code it includes, and what its body embeds from the renderers: every snippet,
 * formula, highlight and diagram result, as {@link BodyParts}), the navigation every page shows (every page's place
 * and header: titles, orders, summaries, tags; and every page's body when a template shows other pages' bodies), and
 * what all outputs share: the templates, the configuration, llmqa and the JDK. Two builds whose keys for a file agree
 * write the same bytes to it; nothing needs rendering to compute them.
 */
public final class Keys {


    private Keys() {
    }

    /** What every output depends on: llmqa (version and code), the JDK, the settings JBake sees, the templates. */
    public static String shared(SiteConfig config, TemplateFiles templates) throws IOException {
        Digest digest = environment(new Digest("shared"), config);
        for (Map.Entry<Path, byte[]> file : templates.files().entrySet()) {
            digest.add(templates.folder().relativize(file.getKey()).toString().replace('\\', '/')).add(file.getValue());
        }
        return digest.hex();
    }

    /**
     * What every output depends on but the templates: llmqa, the JDK, the settings JBake sees. {@link Inputs}
     * digests the templates itself, file by file.
     */
    static String environment(SiteConfig config) throws IOException {
        return environment(new Digest("environment"), config).hex();
    }

    private static Digest environment(Digest digest, SiteConfig config) throws IOException {
        digest.add(Integer.toString(Manifest.FORMAT)).add(Release.version()).add(code())
                .add(Runtime.version().toString()).add(String.valueOf(System.getProperty("java.vendor")))
                .add(Locale.getDefault().toLanguageTag()).add(TimeZone.getDefault().getID())
                .add(Charset.defaultCharset().name()).add(Pinned.KATEX_VERSION).add(Pinned.HIGHLIGHT_VERSION)
                .add(config.reproducible()).add(config.settings().publishing().host())
                .add(config.settings().publishing().edit());
        Path properties = config.root().resolve("jbake.properties");
        return digest.add(Files.isRegularFile(properties) ? Files.readAllBytes(properties) : new byte[0]);
    }

    /**
     * What the templates may show of every page on any page: each page's place and header (and date), and, when
     * {@code bodies} holds them (by URI, from {@link #body}), the pages' bodies.
     */
    public static String navigation(List<Page> pages, boolean dates, Map<String, String> bodies) throws IOException {
        Digest digest = new Digest("navigation");
        for (Page page : pages) {
            digest.add(page.path()).add(page.uri());
            header(digest, page, dates);
            digest.add(bodies.getOrDefault(page.uri(), ""));
        }
        return digest.hex();
    }

    /** What a page's rendered body (its HTML, "On this page" list and "Try it" box) is a function of. */
    public static String body(Page page, BodyParts parts) {
        Digest digest = new Digest("body").add(page.path()).add(page.uri()).add(page.body());
        for (Block block : page.blocks()) {
            block.included().ifPresent(shown -> digest.add(shown.file()).add(shown.region()).add(shown.code()));
        }
        for (String part : parts.parts()) {
            digest.add(part);
        }
        return digest.add(parts.exampleFile()).hex();
    }

    /** A page's file: the shared inputs, the navigation, the page's header and its body's inputs ({@link #body}). */
    public static String page(String shared, String navigation, Page page, String body, boolean dates)
            throws IOException {
        Digest digest = new Digest("page").add(shared).add(navigation).add(page.path()).add(page.uri());
        header(digest, page, dates);
        return digest.add(body).hex();
    }

    /** The tag pages and the sitemap: they show the navigation through the shared templates. */
    public static String listings(String shared, String navigation) {
        return new Digest("listings").add(shared).add(navigation).hex();
    }

    private static void header(Digest digest, Page page, boolean dates) throws IOException {
        for (HeaderEntry entry : page.header().entries()) {
            digest.add(entry.key()).add(entry.value());
        }
        if (dates && page.header().value("date").isEmpty()) {
            digest.add(Long.toString(Files.getLastModifiedTime(page.source()).toMillis()));
        }
    }

    /**
     * Which llmqa code runs: its jar (path, size, time), or for classes in a folder (tests, an IDE) each class
     * file's; a SNAPSHOT version alone would not tell two builds of the tool apart.
     */
    private static String code() throws IOException {
        String known = code;
        if (known == null) {
            known = readCode();
            code = known;
        }
        return known;
    }

    /** The code cannot change while it runs: read once per JVM. */
    private static volatile String code;

    private static String readCode() throws IOException {
        Path location;
        try {
            location = Path.of(Keys.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return "unknown";
        }
        Digest digest = new Digest("code");
        if (Files.isRegularFile(location)) {
            return digest.add(location.toString()).add(Long.toString(Files.size(location)))
                    .add(Files.getLastModifiedTime(location).toString()).hex();
        }
        try (Stream<Path> walk = Files.walk(location)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                digest.add(file.toString()).add(Long.toString(Files.size(file)))
                        .add(Files.getLastModifiedTime(file).toString());
            }
        }
        return digest.hex();
    }
}
