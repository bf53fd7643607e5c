package dev.llmqa.bake;

import dev.llmqa.site.BakePlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The files of a staging folder, and the previous site's files a build keeps, copied in. */
final class KeptFiles {

    private KeptFiles() {
    }

    /** Every file in the folder, by path relative to it with forward slashes. */
    static List<String> rendered(Path staging) throws IOException {
        try (Stream<Path> walk = Files.walk(staging)) {
            return walk.filter(Files::isRegularFile).map(f -> staging.relativize(f).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    /**
     * Copies each kept file from the previous site where the staging folder has none yet: a file the assets put at
     * the same place wins, as it does over a rendered file in a full bake.
     */
    static void copy(BakePlan plan, Path staging) throws IOException {
        for (Map.Entry<String, BakePlan.Kept> kept : plan.kept().entrySet()) {
            Path target = staging.resolve(kept.getKey());
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                Files.copy(plan.previous().resolve(kept.getKey()), target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }
}
