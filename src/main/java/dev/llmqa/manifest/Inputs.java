package dev.llmqa.manifest;

import dev.llmqa.config.SiteConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The digest of everything a build reads, taken before it reads anything: what every output shares (llmqa, the
 * JDK, the settings, the templates; see {@link Keys#shared}), every file of content/, examples/, templates/ and the
 * diagram store, and the options that change what a build does. Two builds with one digest read the same bytes
 * (a file edited while a build runs gives the next build another digest, so it builds again).
 */
public final class Inputs {

    private Inputs() {
    }

    public static String digest(SiteConfig config) throws IOException {
        Digest digest = new Digest("inputs").add(Keys.shared(config)).add(config.strictDiagrams())
                .add(config.settings().sandbox().name());
        boolean dates = Keys.templatesShowDates(config.templates());
        for (Path folder : List.of(config.content(), config.examples(), config.templates(), config.diagrams())) {
            digest.add(config.display(folder));
            for (Path file : files(folder)) {
                digest.add(folder.relativize(file).toString().replace('\\', '/')).add(Files.readAllBytes(file));
                if (dates && folder.equals(config.content())) {
                    // a page's date may be its file's time
                    digest.add(Long.toString(Files.getLastModifiedTime(file).toMillis()));
                }
            }
        }
        return digest.hex();
    }

    private static List<Path> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
