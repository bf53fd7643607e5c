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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.regex.Pattern;
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

    /** What a template must name to show a page's date or its neighbours by date (JBake's prev/next). */
    private static final Pattern DATES = Pattern.compile("date|previousContent|nextContent");
    /** A page's body named in a template: {@code content.body} is the page's own, anything else may be another's. */
    private static final Pattern BODY = Pattern.compile("\\bbody\\b");
    private static final Pattern OWN_BODY = Pattern.compile("content\\.body\\b|</?body\\b");
    /** A list of pages taken in JBake's order (newest first) rather than sorted by the template. */
    private static final Pattern BY_DATE = Pattern.compile("\\b(published_\\w+|all_content|tagged_\\w+|tag_posts)\\b(?!\\?sort_by)");

    private Keys() {
    }

    /** What every output depends on: llmqa (version and code), the JDK, the settings JBake sees, the templates. */
    public static String shared(SiteConfig config) throws IOException {
        Digest digest = environment(new Digest("shared"), config);
        Path templates = config.templates();
        List<Path> files = templateFiles(templates);
        for (Path file : files) {
            digest.add(templates.relativize(file).toString().replace('\\', '/')).add(Files.readAllBytes(file));
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
     * The files of templates/ that shape what JBake renders: the templates and partials, and the assets too when a
     * template names assets/ (it may include one); otherwise assets are only copied, which every build does.
     */
    static List<Path> templateFiles(Path templates) throws IOException {
        if (!Files.isDirectory(templates)) {
            return List.of();
        }
        List<Path> all;
        try (Stream<Path> walk = Files.walk(templates)) {
            all = walk.filter(Files::isRegularFile).sorted().toList();
        }
        Path assets = templates.resolve("assets");
        boolean namesAssets = false;
        for (Path file : all) {
            if (!file.startsWith(assets) && Files.readString(file, StandardCharsets.ISO_8859_1).contains("assets/")) {
                namesAssets = true;
            }
        }
        boolean withAssets = namesAssets;
        return all.stream().filter(f -> withAssets || !f.startsWith(assets)).toList();
    }

    /**
     * Whether a template shows dates, or lists pages in JBake's order, which is by date: then a page's date (its
     * header's, else its file's time) is an input too. Templates that sort their lists (by order, by URI) and show
     * no date keep file times out, so saving a page re-renders that page alone.
     */
    public static boolean templatesShowDates(Path templates) throws IOException {
        for (Path file : templateFiles(templates)) {
            if (file.toString().endsWith(".ftl")) {
                String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                if (DATES.matcher(text).find() || BY_DATE.matcher(text).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a template names a body other than the page's own ({@code content.body}): a feed or a listing that
     * shows other pages' bodies. Then every page's body is part of the navigation (and every body is rendered). A
     * template that only says "body" in some other sense counts too: the cost is re-rendering, never a stale page.
     */
    public static boolean templatesShowBodies(Path templates) throws IOException {
        for (Path file : templateFiles(templates)) {
            if (file.toString().endsWith(".ftl")) {
                String text = OWN_BODY.matcher(Files.readString(file, StandardCharsets.ISO_8859_1)).replaceAll("");
                if (BODY.matcher(text).find()) {
                    return true;
                }
            }
        }
        return false;
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
