package dev.llmqa.manifest;

import dev.llmqa.config.SiteConfig;
import dev.llmqa.execute.TextCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a site's {@link Stamp} is kept: in the cache, one file per site folder, as lines of text (a build with nothing to do reads it
 * first and nothing else, so it does without a JSON mapper): a heading with the format, the site folder, the inputs'
 * digest, then one line per file, {@code size TAB time TAB path}. Reading never fails: a stamp that is missing,
 * damaged, of another format or of another folder is no stamp, and the build runs its stages.
 */
public final class StampFile {

    private static final String HEADING = "llmqa stamp ";

    private StampFile() {
    }

    static Path of(SiteConfig config) {
        // in a folder of its own: a failed build leaves the manifest's folder as it was, and may keep the stamp
        return config.cache().resolve("stamp").resolve(ManifestFile.of(config).getFileName().toString().replace(".json", ""));
    }

    /**
     * Whether the last stamped build read these inputs and, when {@code site} is true, its site folder still holds
     * exactly the files it wrote (none added, removed, resized or touched since).
     */
    public static boolean upToDate(SiteConfig config, String inputs, boolean site) {
        Optional<Stamp> stamp = read(config);
        if (stamp.isEmpty() || !stamp.get().inputs().equals(inputs)) {
            return false;
        }
        try {
            return !site || stamp.get().files().equals(files(config.out()));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static Optional<Stamp> read(SiteConfig config) {
        try {
            List<String> lines = Files.readAllLines(of(config), StandardCharsets.UTF_8);
            if (lines.size() < 3 || !lines.get(0).equals(HEADING + Manifest.FORMAT)
                    || !lines.get(1).equals(config.out().toString())) {
                return Optional.empty();
            }
            Map<String, Stamp.File> files = new HashMap<>();
            for (String line : lines.subList(3, lines.size())) {
                String[] fields = line.split("\t", 3);
                files.put(fields[2], new Stamp.File(Long.parseLong(fields[0]), Long.parseLong(fields[1])));
            }
            return Optional.of(new Stamp(Manifest.FORMAT, lines.get(1), lines.get(2), files));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** After a build published the site it read {@code inputs} for: stamps what is in the site folder now. */
    public static void write(SiteConfig config, String inputs) throws IOException {
        StringBuilder text = new StringBuilder(HEADING).append(Manifest.FORMAT).append('\n')
                .append(config.out()).append('\n').append(inputs).append('\n');
        files(config.out()).forEach((path, file) ->
                text.append(file.size()).append('\t').append(file.modified()).append('\t').append(path).append('\n'));
        TextCache.writeAtomically(of(config), text.toString());
    }

    /**
     * Forgets the stamp: before a build changes the site, so no stamp ever describes a site it did not see. A build
     * that fails keeps it: the site is still the one the stamp describes.
     */
    public static void delete(SiteConfig config) throws IOException {
        Files.deleteIfExists(of(config));
    }

    private static Map<String, Stamp.File> files(Path site) throws IOException {
        Map<String, Stamp.File> files = new HashMap<>();
        if (!Files.isDirectory(site)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path file : (Iterable<Path>) walk::iterator) {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                if (!attributes.isDirectory()) {
                    files.put(site.relativize(file).toString().replace('\\', '/'),
                            new Stamp.File(attributes.size(), attributes.lastModifiedTime().toMillis()));
                }
            }
        }
        return files;
    }
}
