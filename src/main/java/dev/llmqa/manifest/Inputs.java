package dev.llmqa.manifest;

import dev.llmqa.config.SiteConfig;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Everything a build reads, taken before it reads anything: what every output shares but the templates (llmqa, the
 * JDK, the settings; see {@link Keys#environment}), every file of content/, examples/, templates/ and the diagram store, and
 * the options that change what a build does. Two builds with one {@link #digest()} read the same bytes (a file
 * edited while a build runs gives the next build another digest, so it builds again).
 *
 * <p>A file's bytes are digested again only when its size, times or identity (device and inode) differ from what
 * the last build saw, as git's index does; a file changed so shortly before it was read that a second change could
 * leave its times as they were is digested every time.
 *
 * @param digest the digest of all of it
 * @param files  each file as it was seen, by its path from the project root
 */
public record Inputs(String digest, Map<String, Inputs.Seen> files) {

    /** A file changed this close to the moment it was read may change again without a new time. */
    static final long RACY_MILLIS = 5_000;

    public Inputs {
        files = Map.copyOf(files);
    }

    /**
     * @param size     bytes
     * @param modified the file's time, in milliseconds ({@code -1}: too recent to trust, digest the bytes next time)
     * @param changed  the time of its last change of any kind (ctime), in milliseconds, or -1 where there is none
     * @param identity the file system's key of the file (device and inode), or "" where there is none
     * @param sha      the digest of its bytes
     */
    public record Seen(long size, long modified, long changed, String identity, String sha) {

        /** The same size, times and identity: a file a build may take to hold the bytes it held before. */
        boolean sameFileAs(Seen other) {
            return modified >= 0 && looksLike(other);
        }

        /** The same size, times and identity, compared field by field (see {@link StampFile}). */
        boolean looksLike(Seen other) {
            return size == other.size && modified == other.modified && changed == other.changed
                    && identity.equals(other.identity);
        }
    }

    /** @param before the files as the last build saw them (their digests are reused where nothing changed) */
    public static Inputs read(SiteConfig config, Map<String, Seen> before) throws IOException {
        return read(config, before, System.currentTimeMillis());
    }

    /** @param now the time the files are read, in milliseconds */
    static Inputs read(SiteConfig config, Map<String, Seen> before, long now) throws IOException {
        Digest digest = new Digest("inputs").add(Keys.environment(config)).add(config.strictDiagrams())
                .add(config.settings().sandbox().name());
        boolean dates = TemplateFiles.read(config.templates()).showDates();
        Map<String, Seen> seen = new HashMap<>();
        for (Path folder : List.of(config.content(), config.examples(), config.templates(), config.diagrams())) {
            digest.add(config.display(folder));
            for (Path file : files(folder)) {
                String path = config.display(file);
                Seen meta = meta(file);
                Seen looked = look(file, meta, before.get(path), now);
                seen.put(path, looked);
                digest.add(path).add(looked.sha());
                if (dates && folder.equals(config.content())) {
                    // a page's date may be its file's time
                    digest.add(Long.toString(meta.modified()));
                }
            }
        }
        return new Inputs(digest.hex(), seen);
    }

    /** The file as it is now: the digest of {@code before} when it looks the same, else of its bytes. */
    private static Seen look(Path file, Seen meta, Seen before, long now) throws IOException {
        if (before != null && before.sameFileAs(meta)) {
            return before;
        }
        boolean racy = meta.modified() >= now - RACY_MILLIS || meta.changed() >= now - RACY_MILLIS;
        return new Seen(meta.size(), racy ? -1 : meta.modified(), meta.changed(), meta.identity(), Digest.ofFile(file));
    }

    /** Size, times and identity, in one call where the file system has the unix view. */
    private static Seen meta(Path file) throws IOException {
        try {
            Map<String, Object> unix = Files.readAttributes(file, "unix:size,lastModifiedTime,ctime,fileKey");
            Object key = unix.get("fileKey");
            return new Seen((Long) unix.get("size"), ((FileTime) unix.get("lastModifiedTime")).toMillis(),
                    ((FileTime) unix.get("ctime")).toMillis(), key == null ? "" : key.toString(), "");
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            BasicFileAttributes basic = Files.readAttributes(file, BasicFileAttributes.class);
            Object key = basic.fileKey();
            return new Seen(basic.size(), basic.lastModifiedTime().toMillis(), -1, key == null ? "" : key.toString(), "");
        }
    }

    private static List<Path> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        // through links too: what a link in content/ points at is what JBake copies
        try (Stream<Path> walk = Files.walk(folder, FileVisitOption.FOLLOW_LINKS)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
