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
 * digest, then one line per file read ({@code in}, then size, time, change time, identity, digest, path) and one
 * per file of the site ({@code out}, size, time, path), separated by tabs. Reading never fails: a stamp that is missing,
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
     * Whether the stamped build read these inputs and, when {@code site} is true, its site folder still holds exactly
     * the files it wrote (none added, removed, resized or touched since).
     */
    public static boolean upToDate(SiteConfig config, Stamp stamp, Inputs inputs, boolean site) {
        if (!stamp.inputs().digest().equals(inputs.digest())) {
            return false;
        }
        try {
            return !site || same(stamp.files(), files(config.out()));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    public static Optional<Stamp> read(SiteConfig config) {
        try {
            List<String> lines = Files.readAllLines(of(config), StandardCharsets.UTF_8);
            if (lines.size() < 3 || !lines.get(0).equals(HEADING + Manifest.FORMAT)
                    || !lines.get(1).equals(config.out().toString())) {
                return Optional.empty();
            }
            Map<String, Inputs.Seen> read = new HashMap<>();
            Map<String, Stamp.File> files = new HashMap<>();
            for (String line : lines.subList(3, lines.size())) {
                String[] fields = line.split("\t", -1);
                if (fields[0].equals("in") && fields.length == 7) {
                    read.put(fields[6], new Inputs.Seen(Long.parseLong(fields[1]), Long.parseLong(fields[2]),
                            Long.parseLong(fields[3]), fields[4], fields[5]));
                } else if (fields[0].equals("out") && fields.length == 4) {
                    files.put(fields[3], new Stamp.File(Long.parseLong(fields[1]), Long.parseLong(fields[2])));
                } else {
                    return Optional.empty();
                }
            }
            return Optional.of(new Stamp(new Inputs(lines.get(2), read), files));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** After a build published the site it read {@code inputs} for: stamps what is in the site folder now. */
    public static void write(SiteConfig config, Inputs inputs) throws IOException {
        write(config, inputs, files(config.out()));
    }

    /**
     * After a build found the site up to date: keeps what it saw of files whose times changed with their bytes the
     * same (a page saved again), or that were too recent to trust last time, so the next build need not digest them
     * again. The site's files stay as the stamp had them. Nothing is written when every file looked as stamped.
     */
    public static void refresh(SiteConfig config, Stamp stamp, Inputs inputs) throws IOException {
        Map<String, Inputs.Seen> before = stamp.inputs().files();
        boolean same = before.size() == inputs.files().size();
        for (Map.Entry<String, Inputs.Seen> file : inputs.files().entrySet()) {
            Inputs.Seen old = before.get(file.getKey());
            same &= old != null && old.looksLike(file.getValue());
        }
        if (!same) {
            write(config, inputs, stamp.files());
        }
    }

    private static void write(SiteConfig config, Inputs inputs, Map<String, Stamp.File> site) throws IOException {
        StringBuilder text = new StringBuilder(HEADING).append(Manifest.FORMAT).append('\n')
                .append(config.out()).append('\n').append(inputs.digest()).append('\n');
        inputs.files().forEach((path, seen) -> text.append("in\t").append(seen.size()).append('\t')
                .append(seen.modified()).append('\t').append(seen.changed()).append('\t').append(seen.identity())
                .append('\t').append(seen.sha()).append('\t').append(path).append('\n'));
        site.forEach((path, file) -> text.append("out\t").append(file.size()).append('\t')
                .append(file.modified()).append('\t').append(path).append('\n'));
        TextCache.writeAtomically(of(config), text.toString());
    }

    /**
     * Forgets the stamp: before a build changes the site, so no stamp ever describes a site it did not see. A build
     * that fails keeps it: the site is still the one the stamp describes.
     */
    public static void delete(SiteConfig config) throws IOException {
        Files.deleteIfExists(of(config));
    }

    /** Compared field by field: a record's equals is bootstrapped through method handles, costly in a short run. */
    private static boolean same(Map<String, Stamp.File> stamped, Map<String, Stamp.File> now) {
        if (stamped.size() != now.size()) {
            return false;
        }
        for (Map.Entry<String, Stamp.File> file : stamped.entrySet()) {
            Stamp.File other = now.get(file.getKey());
            if (other == null || other.size() != file.getValue().size()
                    || other.modified() != file.getValue().modified()) {
                return false;
            }
        }
        return true;
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
