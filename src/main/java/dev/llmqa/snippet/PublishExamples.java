package dev.llmqa.snippet;

import dev.llmqa.problem.Problems;
import dev.llmqa.site.Site;
import dev.llmqa.site.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Publishes examples/*.jsh with the site, so every question page can offer its file for download. */
public final class PublishExamples implements Stage {

    private int copied;

    @Override
    public String name() {
        return "examples";
    }

    @Override
    public Site run(Site site, Problems problems) throws IOException {
        copied = 0;
        Path from = site.config().examples();
        if (!Files.isDirectory(from)) {
            return site;
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
            copied++;
        }
        return site;
    }

    @Override
    public String summary(Site site) {
        return copied + " example files published";
    }
}
