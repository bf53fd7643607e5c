package dev.llmqa.diagram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The committed store of rendered diagrams: {@code diagrams/KEY.svg}, KEY being the diagram's content hash, so
 * a clone without Node builds every diagram from it (like Quarto's _freeze).
 */
public final class DiagramStore {

    private final Path folder;

    public DiagramStore(Path folder) {
        this.folder = folder;
    }

    public Optional<String> get(String key) {
        Path file = folder.resolve(key + ".svg");
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public void put(String key, String svg) throws IOException {
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, ".entry", ".tmp");
        Files.writeString(temp, svg, StandardCharsets.UTF_8);
        if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(temp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
        Files.move(temp, folder.resolve(key + ".svg"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Deletes stored SVGs no diagram uses any more; returns their file names. */
    public List<String> prune(Set<String> used) throws IOException {
        List<String> removed = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return removed;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                String name = file.getFileName().toString();
                if (name.endsWith(".svg") && !used.contains(name.substring(0, name.length() - 4))) {
                    Files.delete(file);
                    removed.add(name);
                }
            }
        }
        return removed;
    }
}
