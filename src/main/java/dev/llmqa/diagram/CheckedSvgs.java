package dev.llmqa.diagram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stored SVGs earlier builds found sound, by file, with the size and modification time the file had then: the
 * preview server keeps one across rebuilds, so a save does not read and parse every stored drawing again (the XML
 * check was half of a rebuild's execute stage). A file whose size or time changed is read and checked again. One
 * build keeps none ({@link #none()}).
 */
public final class CheckedSvgs {

    private record Seen(long size, long modified, String svg) {
    }

    private final Map<Path, Seen> seen;

    private CheckedSvgs(Map<Path, Seen> seen) {
        this.seen = seen;
    }

    /** Nothing is kept: every build reads and checks each stored SVG. */
    public static CheckedSvgs none() {
        return new CheckedSvgs(null);
    }

    /** Kept across the builds of one preview session. */
    public static CheckedSvgs kept() {
        return new CheckedSvgs(new ConcurrentHashMap<>());
    }

    /** The SVG checked earlier, if the file still has the size and time it had then. */
    Optional<String> get(Path file) {
        if (seen == null) {
            return Optional.empty();
        }
        Seen was = seen.get(file);
        if (was == null) {
            return Optional.empty();
        }
        try {
            BasicFileAttributes now = Files.readAttributes(file, BasicFileAttributes.class);
            if (now.size() == was.size() && now.lastModifiedTime().toMillis() == was.modified()) {
                return Optional.of(was.svg());
            }
        } catch (IOException e) {
            // gone or unreadable: read it again, which says what is wrong
        }
        seen.remove(file);
        return Optional.empty();
    }

    /** Remembers a file found sound, with the size and time it had before it was read. */
    void put(Path file, BasicFileAttributes before, String svg) {
        if (seen != null && before != null) {
            seen.put(file, new Seen(before.size(), before.lastModifiedTime().toMillis(), svg));
        }
    }
}
