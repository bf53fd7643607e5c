package dev.llmqa.config;

import java.nio.file.Path;

/**
 * Where a project's folders are. Read once, passed down; nothing else looks up paths.
 *
 * @param root      the project root (holds content/, templates/, examples/)
 * @param out       where the finished site is published (site/ by default)
 * @param useCache  whether stages may reuse results of earlier builds
 */
public record SiteConfig(Path root, Path out, boolean useCache) {

    public static final String CONTENT = "content";
    public static final String TEMPLATES = "templates";
    public static final String EXAMPLES = "examples";
    public static final String SITE = "site";

    public SiteConfig {
        root = root.toAbsolutePath().normalize();
        out = root.resolve(out).toAbsolutePath().normalize();
    }

    public static SiteConfig of(Path root) {
        return new SiteConfig(root, root.resolve(SITE), true);
    }

    public SiteConfig withOut(Path newOut) {
        return new SiteConfig(root, newOut, useCache);
    }

    public SiteConfig withCache(boolean cache) {
        return new SiteConfig(root, out, cache);
    }

    public Path content() {
        return root.resolve(CONTENT);
    }

    public Path templates() {
        return root.resolve(TEMPLATES);
    }

    /** Results kept between builds (git-ignored, outside the site). */
    public Path cache() {
        return root.resolve(".llmqa/cache");
    }

    public Path examples() {
        return root.resolve(EXAMPLES);
    }

    /** A path as people and problems name it: relative to the root, with forward slashes. */
    public String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        String shown = abs.startsWith(root) ? root.relativize(abs).toString() : abs.toString();
        return shown.replace('\\', '/');
    }
}
