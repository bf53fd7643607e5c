package dev.llmqa.example;

import dev.llmqa.problem.Problem;
import dev.llmqa.site.Page;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Resolves and reads example files named by pages. A name is relative to examples/; an absolute path, a path
 * with {@code ..}, or a symbolic link that leads out of examples/ is refused.
 */
public final class ExampleFiles {

    private final Path examples;

    public ExampleFiles(Path examples) {
        this.examples = examples.toAbsolutePath().normalize();
    }

    /** The file's text, or a problem (at {@code path:line}, the place that named it) saying what is wrong. */
    public Read read(String name, String path, int line) {
        if (name.isBlank()) {
            return Read.problem(Problem.at(path, line, "no example file named", "Write a file name such as 08-kv-cache.jsh."));
        }
        Path relative = Path.of(name);
        if (relative.isAbsolute() || relative.normalize().startsWith("..") || name.contains("..")) {
            return Read.problem(Problem.at(path, line, "example path '" + name + "' leaves examples/",
                    "Name a file inside examples/, relative to it, e.g. 08-kv-cache.jsh."));
        }
        Path file = examples.resolve(relative).normalize();
        if (!Files.isRegularFile(file)) {
            return Read.problem(Problem.at(path, line, "example file examples/" + name + " does not exist",
                    "Create it, or fix the name" + Optional.ofNullable(suggestion(name)).map(s -> " (did you mean " + s + "?)").orElse("") + "."));
        }
        try {
            if (!file.toRealPath().startsWith(examples.toRealPath())) {
                return Read.problem(Problem.at(path, line, "example file examples/" + name + " links outside examples/",
                        "Example files must live in examples/; replace the link with the file."));
            }
            return Read.text(Files.readString(file, StandardCharsets.UTF_8), "examples/" + name);
        } catch (IOException e) {
            return Read.problem(Problem.at(path, line, "cannot read examples/" + name + ": " + e.getMessage(),
                    "Check the file's permissions and that it is UTF-8 text."));
        }
    }

    private String suggestion(String name) {
        try (var files = Files.list(examples)) {
            return dev.llmqa.text.Suggest.closest(name, files.map(f -> f.getFileName().toString()).toList()).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** A file's text and shown path, or the problem that stopped reading it. */
    public record Read(String text, String shownPath, Problem problem) {
        static Read text(String text, String shownPath) {
            return new Read(text, shownPath, null);
        }

        static Read problem(Problem problem) {
            return new Read(null, null, problem);
        }

        public boolean ok() {
            return problem == null;
        }
    }

    /** The example files a page loads: examples/NAME.jsh for a page NAME.md, then its header's list, without repeats. */
    public static List<String> namesFor(Page page) {
        List<String> names = new ArrayList<>();
        names.add(page.exampleName());
        page.header().value("examples").ifPresent(list -> Arrays.stream(list.split(","))
                .map(String::strip).filter(n -> !n.isEmpty() && !names.contains(n)).forEach(names::add));
        return names;
    }
}
