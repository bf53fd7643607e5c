package dev.llmqa.diagram;

import dev.llmqa.execute.TextCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private final TextCache files;

    public DiagramStore(Path folder) {
        this.folder = folder;
        this.files = new TextCache(folder, ".svg", true);
    }

    public Optional<String> get(String key) {
        return files.read(key);
    }

    public void put(String key, String svg) throws IOException {
        TextCache.writeAtomically(folder.resolve(key + ".svg"), svg);
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
