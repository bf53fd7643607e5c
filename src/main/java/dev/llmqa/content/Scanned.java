package dev.llmqa.content;

import dev.llmqa.problem.Problem;
import dev.llmqa.site.Page;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * What the scan made of each content file, kept across the builds of one {@code serve} session: a file whose bytes,
 * page types and example files are those of the last scan is not decoded or parsed again, its page and problems are
 * taken as they were. A page is immutable once scanned (rendering only sets the ids of its headings, the same ids each
 * time), so one page object serves every build. A one-off build keeps nothing ({@link #none()}).
 */
public final class Scanned {

    /** One file's scan: the key it was made under, its page (when it has a header), its problems and warnings. */
    record Read(Optional<Page> page, List<Problem> problems, List<Problem> warnings) {

        Read {
            problems = List.copyOf(problems);
            warnings = List.copyOf(warnings);
        }
    }

    private record Entry(String key, Read read) {
    }

    private final Map<Path, Entry> byFile;

    private Scanned(Map<Path, Entry> byFile) {
        this.byFile = byFile;
    }

    /** A memo for the builds of one session. */
    public static Scanned kept() {
        return new Scanned(new ConcurrentHashMap<>());
    }

    /** For one build: nothing is kept and nothing is digested. */
    public static Scanned none() {
        return new Scanned(null);
    }

    boolean keeps() {
        return byFile != null;
    }

    /**
     * What every page's scan depends on besides its own bytes: the page types the templates allow and every example
     * file an {@code include=} block may show (names and bytes). Empty when nothing is kept.
     */
    String context(List<String> types, Path examples) throws IOException {
        if (!keeps()) {
            return "";
        }
        MessageDigest digest = sha256();
        add(digest, String.join(",", types).getBytes(StandardCharsets.UTF_8));
        if (Files.isDirectory(examples)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(examples, FileVisitOption.FOLLOW_LINKS)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : files) {
                add(digest, examples.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                add(digest, Files.readAllBytes(file));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The key of a file's scan: its bytes in their context; empty when nothing is kept. */
    String key(byte[] bytes, String context) {
        if (!keeps()) {
            return "";
        }
        MessageDigest digest = sha256();
        add(digest, context.getBytes(StandardCharsets.UTF_8));
        add(digest, bytes);
        return HexFormat.of().formatHex(digest.digest());
    }

    Optional<Read> get(Path file, String key) {
        Entry entry = keeps() ? byFile.get(file) : null;
        return entry != null && entry.key().equals(key) ? Optional.of(entry.read()) : Optional.empty();
    }

    void put(Path file, String key, Read read) {
        if (keeps()) {
            byFile.put(file, new Entry(key, read));
        }
    }

    /** Forgets the files that are gone. */
    void keepOnly(Set<Path> files) {
        if (keeps()) {
            byFile.keySet().retainAll(files);
        }
    }

    private static void add(MessageDigest digest, byte[] part) {
        digest.update(Long.toString(part.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) 0);
        digest.update(part);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
