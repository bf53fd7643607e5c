package dev.llmqa.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The document types a project has: one per templates/TYPE.ftl (files starting with '_' are partials). */
public final class Templates {

    private Templates() {
    }

    public static List<String> types(Path templates) throws IOException {
        if (!Files.isDirectory(templates)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(templates)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".ftl") && !n.startsWith("_"))
                    .map(n -> n.substring(0, n.length() - ".ftl".length()))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }
}
