package dev.llmqa.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The document types a project has: one per templates/TYPE.ftl. Files starting with '_' are partials, and
 * {@value #TAG}.ftl, {@value #TAG_INDEX}.ftl and {@value #SITEMAP}.ftl are JBake's tag pages and sitemap, not types.
 */
public final class Templates {

    public static final String TAG = "tag";
    public static final String TAG_INDEX = "tags";
    public static final String SITEMAP = "sitemap";

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
                    .filter(n -> !n.equals(TAG) && !n.equals(TAG_INDEX) && !n.equals(SITEMAP))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }
}
