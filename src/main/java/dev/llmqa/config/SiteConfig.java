package dev.llmqa.config;

import java.nio.file.Path;

/**
 * Where a project's folders are. Read once, passed down; nothing else looks up paths.
 *
 * @param root      the project root (holds content/, templates/, examples/)
 * @param out       where the finished site is published (site/ by default)
 * @param useCache  whether stages may reuse results of earlier builds
 * @param cache     where results are kept between builds (git-ignored, outside the site)
 * @param strictDiagrams a diagram with no stored SVG and no Mermaid CLI is an error, not a warning
 * @param reproducible   leave out what differs from run to run (snippet run times), so two builds of the same
 *                       sources are byte-identical; on when SOURCE_DATE_EPOCH is set (reproducible-builds.org)
 */
public record SiteConfig(Path root, Path out, boolean useCache, Path cache, boolean strictDiagrams, Settings settings) {

    public static final String CONTENT = "content";
    public static final String TEMPLATES = "templates";
    public static final String EXAMPLES = "examples";
    public static final String SITE = "site";

    public SiteConfig {
        root = root.toAbsolutePath().normalize();
        out = root.resolve(out).toAbsolutePath().normalize();
        cache = root.resolve(cache).toAbsolutePath().normalize();
    }

    public static SiteConfig of(Path root) {
        return of(root, System.getenv());
    }

    /** The defaults for a project root, with the settings read from {@code env}. */
    public static SiteConfig of(Path root, java.util.Map<String, String> env) {
        // relative: the constructor resolves them against the root once (resolving root-relative paths again
        // would put a relative root twice: --root p built into p/p/site)
        return new SiteConfig(root, Path.of(SITE), true, Path.of(".llmqa", "cache"), false,
                Settings.read(root.toAbsolutePath().normalize(), env));
    }

    public SiteConfig withOut(Path newOut) {
        return new SiteConfig(root, newOut, useCache, cache, strictDiagrams, settings);
    }

    public SiteConfig withCache(boolean use) {
        return new SiteConfig(root, out, use, cache, strictDiagrams, settings);
    }

    public SiteConfig withCacheFolder(Path folder) {
        return new SiteConfig(root, out, useCache, folder, strictDiagrams, settings);
    }

    public SiteConfig withReproducible(boolean on) {
        return new SiteConfig(root, out, useCache, cache, strictDiagrams, settings.withReproducible(on));
    }

    /** Whether snippets must, may or must not run in a sandbox; {@code null} keeps what the environment said. */
    public SiteConfig withSandbox(SandboxMode mode) {
        return mode == null ? this : new SiteConfig(root, out, useCache, cache, strictDiagrams, settings.withSandbox(mode));
    }

    public SiteConfig withStrictDiagrams(boolean strict) {
        return new SiteConfig(root, out, useCache, cache, strict, settings);
    }

    /** Leave out what differs between runs (run times): {@code SOURCE_DATE_EPOCH} is set, or a test said so. */
    public boolean reproducible() {
        return settings.reproducible();
    }

    /** Static files of the templates, copied to the site root. */
    public Path assets() {
        return templates().resolve("assets");
    }

    /** The committed store of rendered diagrams. */
    public Path diagrams() {
        return root.resolve("diagrams");
    }

    /** The pinned Mermaid CLI and its configuration. */
    public Path mermaidTool() {
        return root.resolve("tools/mermaid");
    }

    public Path content() {
        return root.resolve(CONTENT);
    }

    public Path templates() {
        return root.resolve(TEMPLATES);
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
