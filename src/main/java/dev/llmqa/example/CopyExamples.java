package dev.llmqa.example;

import dev.llmqa.problem.Problems;
import dev.llmqa.site.Site;
import dev.llmqa.site.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Publishes examples/*.jsh with the site, so every question page can offer its file for download. */
public final class CopyExamples implements Stage {

    @Override
    public Done run(Site site, Problems problems) throws IOException {
        Path from = site.config().examples();
        if (!Files.isDirectory(from)) {
            return new Done(site, "0 example files published");
        }
        Path to = site.staging().resolve("examples");
        Files.createDirectories(to);
        List<Path> files;
        try (Stream<Path> list = Files.list(from)) {
            // links are not followed: a link in examples/ must not publish a file from elsewhere
            files = list.filter(f -> f.getFileName().toString().endsWith(".jsh")
                    && Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
        for (Path file : files) {
            Files.copy(file, to.resolve(file.getFileName().toString()));
        }
        return new Done(site, files.size() + " example files published");
    }

}
