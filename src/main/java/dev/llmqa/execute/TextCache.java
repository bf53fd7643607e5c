package dev.llmqa.execute;

import dev.llmqa.config.SiteConfig;
import dev.llmqa.problem.Problem;
import dev.llmqa.problem.Problems;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Text results by content hash, one file per key in a folder of the build cache (typeset math, highlighted code,
 * snippet results). One instance serves one build: an entry computed or read during the build is kept in memory, so
 * a repeated formula or code block is neither computed nor read twice.
 *
 * <p>An entry cannot lie: its first line is {@code llmqa-cache FORMAT KEY SHA-256-OF-THE-REST}, and an entry whose
 * header is missing, of another format or another key, whose rest does not match the digest (truncated, emptied,
 * changed) or whose text is not what this cache holds is never used. The build warns once, naming the file, deletes
 * it and computes the entry again. A damaged or unwritable entry only costs the time to compute it again.
 */
public final class TextCache {

    /** The entries' format; the folder is named by it, so entries of another format are never even read. */
    public static final int FORMAT = 1;
    private static final String MAGIC = "llmqa-cache";

    private final Path folder;
    private final String suffix;
    private final boolean read;
    private final Function<String, Optional<String>> shape;
    private final SiteConfig config;
    private final Problems problems;
    private final Map<String, String> thisBuild = new HashMap<>();
    /** Entries already read from disk and verified in this build: a caller that asks first and then gets reads once. */
    private final Map<String, String> verified = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicBoolean writeWarned = new AtomicBoolean();
    private int computed;
    private int stored;
    private int repeated;

    private TextCache(Path folder, String suffix, Function<String, Optional<String>> shape, SiteConfig config,
                      Problems problems) {
        this.folder = folder;
        this.suffix = suffix;
        this.read = config.useCache();
        this.shape = shape;
        this.config = config;
        this.problems = problems;
    }

    /**
     * The build cache's folder {@code name}, for one build: it reads what earlier builds stored unless the build
     * runs with {@code --no-cache}, and always stores.
     *
     * @param suffix   the entries' file suffix (".html")
     * @param shape    what is wrong with an entry's text for this cache, if anything (checked on every read)
     * @param problems where a damaged entry or a cache that cannot be written is reported, as a warning
     */
    public static TextCache of(SiteConfig config, String name, String suffix, Function<String, Optional<String>> shape,
                               Problems problems) {
        return new TextCache(config.cache().resolve("v" + FORMAT).resolve(name), suffix, shape, config, problems);
    }

    /** SHA-256 over the parts, each length-prefixed so no two different lists of parts collide. */
    public static String key(String... parts) {
        MessageDigest sha = sha256();
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            sha.update(bytes);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * The entry for {@code key}: this build's, else one an earlier build stored, else {@code compute}'s (stored when
     * present; an empty result, such as a failure, is not kept and is computed again when asked again).
     */
    public synchronized Optional<String> get(String key, Supplier<Optional<String>> compute) {
        String known = thisBuild.get(key);
        if (known != null) {
            repeated++;
            return Optional.of(known);
        }
        Optional<String> text = read(key);
        if (text.isPresent()) {
            stored++;
        } else {
            text = compute.get();
            text.ifPresent(t -> {
                computed++;
                write(key, t);
            });
        }
        text.ifPresent(t -> thisBuild.put(key, t));
        return text;
    }

    /** "12 typeset, 30 from cache" (and ", 4 repeated" when some entries were asked for more than once). */
    public synchronized String summary(String computedVerb) {
        return computed + " " + computedVerb + ", " + stored + " from cache" + (repeated > 0 ? ", " + repeated + " repeated" : "");
    }

    /**
     * What an earlier build stored for {@code key}, verified (nothing with --no-cache). A bad entry is reported,
     * deleted and read as missing.
     */
    public Optional<String> read(String key) {
        if (!read) {
            return Optional.empty();
        }
        String known = verified.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        Path file = file(key);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            if (!Files.exists(file)) {
                return Optional.empty(); // its folder is not one: nothing is stored, and nothing can be
            }
            if (Files.isDirectory(file)) {
                problems.warn(Problem.at(config.display(file), 0, "a folder where a cache entry should be: it is not used",
                        "Delete it; the build computes the entry again."));
                return Optional.empty();
            }
            reject(key, "it cannot be read (" + reason(e) + ")");
            return Optional.empty();
        }
        Entry entry = Entry.parse(bytes, key);
        Optional<String> wrong = entry.defect().or(() -> shape.apply(entry.text()));
        if (wrong.isPresent()) {
            reject(key, wrong.get());
            return Optional.empty();
        }
        verified.put(key, entry.text());
        return Optional.of(entry.text());
    }

    /**
     * Reports an entry its reader found unusable ({@code why}: "its content does not match its digest"), once, and
     * deletes it, so the entry computed in its place replaces it.
     */
    public void reject(String key, String why) {
        verified.remove(key);
        Path file = file(key);
        problems.warn(Problem.at(config.display(file), 0, "damaged cache entry, not used: " + why
                        + "; it is computed again and replaced",
                "Nothing to do. If entries keep getting damaged, check the disk; ./llmqa build --no-cache recomputes everything."));
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // overwritten when the entry is stored again
        }
    }

    /** Stores an entry; a cache that cannot be written only costs time next build (said once per build). */
    public void write(String key, String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        String header = MAGIC + " " + FORMAT + " " + key + " " + HexFormat.of().formatHex(sha256().digest(body)) + "\n";
        String entry = header + text;
        try {
            if (!read && holds(file(key), entry)) {
                return; // --no-cache computed what the entry already holds: replacing a file is the slow part
            }
            writeAtomically(file(key), entry);
        } catch (IOException e) {
            if (!writeWarned.getAndSet(true)) {
                problems.warn(Problem.at(config.display(folder), 0, "cannot store cache entries (" + reason(e)
                                + "): what this build computed is computed again next build",
                        "Free some disk space, or check that " + config.display(folder) + "/ is writable."));
            }
        }
    }

    /** Whether the file holds exactly {@code entry} (false when it cannot be read). */
    private static boolean holds(Path file, String entry) {
        try {
            return java.util.Arrays.equals(Files.readAllBytes(file), entry.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return false;
        }
    }

    /** What went wrong, without the path the message already names ("No space left on device"). */
    public static String reason(IOException e) {
        if (e instanceof java.nio.file.FileSystemException fs) {
            return fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName();
        }
        return String.valueOf(e.getMessage());
    }

    private Path file(String key) {
        return folder.resolve(key + suffix);
    }

    /**
     * Writes a file so that readers see the old content or the new, never a part: a temporary file beside it,
     * made world-readable like any other output, then renamed over it.
     */
    public static void writeAtomically(Path file, String text) throws IOException {
        Path folder = file.getParent();
        Boolean posix = POSIX_FOLDERS.get(folder);
        if (posix == null) {
            Files.createDirectories(folder);
        }
        Path temp;
        try {
            temp = Files.createTempFile(folder, ".entry", ".tmp");
        } catch (java.nio.file.NoSuchFileException gone) { // removed since (a cache cleared while serve runs)
            POSIX_FOLDERS.remove(folder);
            posix = null;
            Files.createDirectories(folder);
            temp = Files.createTempFile(folder, ".entry", ".tmp");
        }
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            if (posix == null) {
                // a file store lookup reads the mount table: once per folder, not per entry
                posix = Files.getFileStore(temp).supportsFileAttributeView("posix");
                POSIX_FOLDERS.put(folder, posix);
            }
            if (posix) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Folders written into by this process (they exist), and whether their file store has POSIX permissions. */
    private static final java.util.Map<Path, Boolean> POSIX_FOLDERS = new java.util.concurrent.ConcurrentHashMap<>();

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stored entry as read: its text, or what is wrong with it. */
    private record Entry(String text, Optional<String> defect) {

        static Entry bad(String why) {
            return new Entry("", Optional.of(why));
        }

        static Entry parse(byte[] bytes, String key) {
            if (bytes.length == 0) {
                return bad("the file is empty");
            }
            int end = 0;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            String[] header = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).split(" ", -1);
            if (end == bytes.length || header.length != 4 || !MAGIC.equals(header[0])) {
                return bad("it has no llmqa-cache header line (not written by llmqa, or its start is damaged)");
            }
            if (!String.valueOf(FORMAT).equals(header[1])) {
                return bad("it is in format '" + header[1] + "', not " + FORMAT);
            }
            if (!key.equals(header[2])) {
                return bad("it holds the entry of another key (" + header[2] + ")");
            }
            byte[] body = Arrays.copyOfRange(bytes, end + 1, bytes.length);
            if (!HexFormat.of().formatHex(sha256().digest(body)).equals(header[3])) {
                return bad("its content does not match the digest in its header (truncated or changed)");
            }
            try {
                return new Entry(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString(), Optional.empty());
            } catch (CharacterCodingException e) {
                return bad("its content is not UTF-8");
            }
        }
    }
}
