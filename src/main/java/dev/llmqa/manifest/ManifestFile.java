package dev.llmqa.manifest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmqa.config.SiteConfig;
import dev.llmqa.execute.TextCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a site's manifest is kept: beside the cache, one file per site folder. Reading never fails: a manifest that
 * is missing, damaged, of another format or of another folder is no manifest, and the build renders everything.
 */
public final class ManifestFile {

    /** Made when a manifest is read or written: a build with nothing to do only asks for the manifest's name. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private ManifestFile() {
    }

    static Path of(SiteConfig config) {
        String site = new Digest("site").add(config.out().toString()).hex().substring(0, 16);
        // beside the cache's entries (v1/…), not among them: it is no cache entry, and has its own format number
        return config.cache().resolve("manifest").resolve(site + ".json");
    }

    public static Optional<Manifest> read(SiteConfig config) {
        Path file = of(config);
        try {
            Manifest manifest = Json.MAPPER.readValue(file.toFile(), Manifest.class);
            boolean ours = manifest.format() == Manifest.FORMAT && config.out().toString().equals(manifest.site())
                    && manifest.listingsKey() != null;
            return ours ? Optional.of(manifest) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Written whole or not at all, as a cache entry is (a temporary file the next build cleans if this one stops). */
    public static void write(SiteConfig config, Manifest manifest) throws IOException {
        TextCache.writeAtomically(of(config), Json.MAPPER.writeValueAsString(manifest));
    }

    /** Forgets the site's manifest (before its site is replaced: a manifest must never describe another site). */
    public static void delete(SiteConfig config) throws IOException {
        Files.deleteIfExists(of(config));
    }

    /**
     * A guess, before the scan, at whether this build will render anything: no usable manifest, or a file of
     * content/, templates/, examples/ or the configuration newer than it. Only says whether to start JBake's
     * database early; what is rendered is decided by the keys.
     */
    public static boolean likelyToRender(SiteConfig config) {
        Path file = of(config);
        if (!config.useCache() || !Files.isRegularFile(file)) {
            return true;
        }
        try {
            long written = Files.getLastModifiedTime(file).toMillis();
            for (Path folder : new Path[] {config.content(), config.templates(), config.examples()}) {
                if (Files.isDirectory(folder) && newerThan(folder, written)) {
                    return true;
                }
            }
            Path properties = config.root().resolve("jbake.properties");
            return Files.exists(properties) && Files.getLastModifiedTime(properties).toMillis() >= written;
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    private static boolean newerThan(Path folder, long time) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.anyMatch(f -> {
                try {
                    return Files.getLastModifiedTime(f).toMillis() >= time;
                } catch (IOException e) {
                    return true;
                }
            });
        }
    }
}
