package dev.llmqa.content;

import dev.llmqa.execute.TextCache;
import dev.llmqa.problem.Problem;
import dev.llmqa.site.Page;
import dev.llmqa.site.Sources;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the scan made of each content file, kept across the builds of one {@code serve} session: a file whose bytes,
 * page types and example files are those of the last scan is not read, decoded or parsed again, its page and
 * problems are taken as they were. What the files hold now is what the pipeline saw before the first stage
 * ({@link Sources}); an entry holds the digest of the bytes it was parsed from, so a file saved while a build runs is
 * scanned again by the next. A page is immutable once scanned (rendering only sets the ids of its headings, the same
 * ids each time), so one page object serves every build. A one-off build, or one whose files the pipeline did not
 * look at, keeps nothing.
 */
public final class Scanned {

    /** One file's scan: its page (when it has a header), its problems and warnings. */
    record Read(Optional<Page> page, List<Problem> problems, List<Problem> warnings) {

        Read {
            problems = List.copyOf(problems);
            warnings = List.copyOf(warnings);
        }
    }

    /** A scan, the digest of the bytes it was made from, and the context it was made in. */
    private record Entry(String sha, String context, Read read) {
    }

    private final Map<Path, Entry> byFile;

    private Scanned(Map<Path, Entry> byFile) {
        this.byFile = byFile;
    }

    /** A memo for the builds of one session. */
    public static Scanned kept() {
        return new Scanned(new ConcurrentHashMap<>());
    }

    /** For one build: nothing is kept. */
    public static Scanned none() {
        return new Scanned(null);
    }

    /**
     * What every page's scan depends on besides its own bytes, from {@code sources}: the page types the templates
     * allow and every example file an {@code include=} block may show (names and digests). Empty when nothing is kept
     * or the sources are not known.
     */
    Optional<String> context(List<String> types, Sources sources, String examples) {
        if (byFile == null || !sources.known()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>(List.of(String.join(",", types)));
        sources.sha().entrySet().stream().filter(file -> file.getKey().startsWith(examples + "/"))
                .sorted(Map.Entry.comparingByKey()).forEach(file -> {
                    parts.add(file.getKey());
                    parts.add(file.getValue());
                });
        return Optional.of(TextCache.key(parts.toArray(String[]::new)));
    }

    /** The file's scan when it was made from the bytes {@code sha} names, in {@code context}. */
    Optional<Read> get(Path file, Optional<String> sha, String context) {
        Entry entry = byFile.get(file);
        return entry != null && sha.isPresent() && entry.sha().equals(sha.get()) && entry.context().equals(context)
                ? Optional.of(entry.read()) : Optional.empty();
    }

    void put(Path file, byte[] bytes, String context, Read read) {
        byFile.put(file, new Entry(sha256(bytes), context, read));
    }

    /** Forgets the files that are gone. */
    void keepOnly(Set<Path> files) {
        if (byFile != null) {
            byFile.keySet().retainAll(files);
        }
    }

    /** As the pipeline digests a file. */
    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
