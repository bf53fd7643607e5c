package dev.llmqa.manifest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of templates/ that shape what JBake renders, each read once: the templates and partials, and the assets
 * too when a template names assets/ (it may include one); otherwise assets are only copied, which every build does.
 * The keys digest them ({@link Keys#shared}) and ask them what they show of other pages.
 *
 * @param folder the templates folder
 * @param files  each file's bytes, by its path, in path order
 */
public record TemplateFiles(Path folder, Map<Path, byte[]> files) {

    /** What a template must name to show a page's date or its neighbours by date (JBake's prev/next). */
    private static final Pattern DATES = Pattern.compile("date|previousContent|nextContent");
    /** A list of pages taken in JBake's order (newest first) rather than sorted by the template. */
    private static final Pattern BY_DATE = Pattern.compile("\\b(published_\\w+|all_content|tagged_\\w+|tag_posts)\\b(?!\\?sort_by)");
    /** A page's body named in a template: {@code content.body} is the page's own, anything else may be another's. */
    private static final Pattern BODY = Pattern.compile("\\bbody\\b");
    private static final Pattern OWN_BODY = Pattern.compile("content\\.body\\b|</?body\\b");

    public TemplateFiles {
        files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    public static TemplateFiles read(Path templates) throws IOException {
        Map<Path, byte[]> files = new LinkedHashMap<>();
        if (!Files.isDirectory(templates)) {
            return new TemplateFiles(templates, files);
        }
        List<Path> all;
        try (Stream<Path> walk = Files.walk(templates)) {
            all = walk.filter(Files::isRegularFile).sorted().toList();
        }
        Path assets = templates.resolve("assets");
        boolean namesAssets = false;
        for (Path file : all) {
            byte[] bytes = Files.readAllBytes(file);
            files.put(file, bytes);
            namesAssets |= !file.startsWith(assets) && latin1(bytes).contains("assets/");
        }
        if (!namesAssets) {
            files.keySet().removeIf(file -> file.startsWith(assets));
        }
        return new TemplateFiles(templates, files);
    }

    /**
     * Whether a template shows dates, or lists pages in JBake's order, which is by date: then a page's date (its
     * header's, else its file's time) is an input too. Templates that sort their lists (by order, by URI) and show
     * no date keep file times out, so saving a page re-renders that page alone.
     */
    public boolean showDates() {
        return templates().anyMatch(text -> DATES.matcher(text).find() || BY_DATE.matcher(text).find());
    }

    /**
     * Whether a template names a body other than the page's own ({@code content.body}): a feed or a listing that
     * shows other pages' bodies. Then every page's body is part of the navigation (and every body is rendered). A
     * template that only says "body" in some other sense counts too: the cost is re-rendering, never a stale page.
     */
    public boolean showBodies() {
        return templates().anyMatch(text -> BODY.matcher(OWN_BODY.matcher(text).replaceAll("")).find());
    }

    /** The FreeMarker templates' text. */
    private Stream<String> templates() {
        return files.entrySet().stream().filter(file -> file.getKey().toString().endsWith(".ftl"))
                .map(file -> latin1(file.getValue()));
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
