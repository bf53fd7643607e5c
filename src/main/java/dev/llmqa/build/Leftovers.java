package dev.llmqa.build;

import dev.llmqa.config.SiteConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a build that was stopped (killed, power lost) can leave, cleaned by the next build while it holds the
 * {@link BuildLock}, so none of it belongs to a build still running: staging folders beside the site, the previous
 * site moved aside by a publish stopped between its two renames (moved back, as the site), and half-written
 * temporary files in the diagram store and the cache.
 */
final class Leftovers {

    private Leftovers() {
    }

    static void clean(SiteConfig config) throws IOException {
        Path out = config.out();
        String name = out.getFileName().toString();
        List<Path> staging = beside(out, "." + name + ".staging-");
        List<Path> old = beside(out, "." + name + ".old-");
        if (!Files.exists(out) && !old.isEmpty()) {
            // a publish stopped after moving the previous site aside: it is still the site
            Files.move(old.get(0), out, StandardCopyOption.ATOMIC_MOVE);
            old = old.subList(1, old.size());
        }
        for (Path folder : concat(staging, old)) {
            Folders.delete(folder);
        }
        deleteTemporaryFiles(config.diagrams());
        if (Files.isDirectory(config.cache())) {
            try (Stream<Path> folders = Files.walk(config.cache(), 2)) {
                for (Path folder : (Iterable<Path>) folders.filter(Files::isDirectory)::iterator) {
                    deleteTemporaryFiles(folder);
                }
            }
        }
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    /** Folders beside {@code out} whose names start with {@code prefix}. */
    private static List<Path> beside(Path out, String prefix) throws IOException {
        if (!Files.isDirectory(out.getParent())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(out.getParent())) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix) && Files.isDirectory(f)).sorted().toList();
        }
    }

    /** The temporary files {@code TextCache.writeAtomically} renames into place, left when a write was stopped. */
    private static void deleteTemporaryFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.startsWith(".entry") && name.endsWith(".tmp")) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
