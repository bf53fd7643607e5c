package dev.llmqa.execute;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Text results by content hash, one file per key in a folder of the build cache (typeset math, highlighted code,
 * snippet results). A damaged or unwritable entry only costs the time to compute it again. One instance serves one
 * build: an entry computed or read during the build is kept in memory, so a repeated formula or code block is
 * neither computed nor read twice.
 */
public final class TextCache {

    private final Path folder;
    private final String suffix;
    private final boolean read;
    private final Map<String, String> thisBuild = new HashMap<>();
    private int computed;
    private int stored;
    private int repeated;

    /**
     * @param folder where the entries are
     * @param suffix the entries' file suffix (".html")
     * @param read   false for --no-cache: never read what earlier builds stored, still store
     */
    public TextCache(Path folder, String suffix, boolean read) {
        this.folder = folder;
        this.suffix = suffix;
        this.read = read;
    }

    /** SHA-256 over the parts, each length-prefixed so no two different lists of parts collide. */
    public static String key(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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

    /** What an earlier build stored for {@code key} (nothing with --no-cache). */
    public Optional<String> read(String key) {
        Path file = folder.resolve(key + suffix);
        try {
            return read && Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Stores an entry; a cache that cannot be written only costs time next build. */
    public void write(String key, String text) {
        try {
            writeAtomically(folder.resolve(key + suffix), text);
        } catch (IOException e) {
            // computed again next build
        }
    }

    /**
     * Writes a file so that readers see the old content or the new, never a part: a temporary file beside it,
     * made world-readable like any other output, then renamed over it.
     */
    public static void writeAtomically(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), ".entry", ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
