package dev.llmqa.content;

import dev.llmqa.config.SiteConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code llmqa new "Title"}: the next free order, a slug from the title, and two files that build at once: the
 * page (header, short answer, a diagram, a transcript, an include, an inline value, sources) and its example
 * file (a kernel in a region and a self-check).
 */
public final class Scaffold {

    private static final Pattern ORDER = Pattern.compile("(?m)^order=(\\d+)\\s*$");

    private Scaffold() {
    }

    public record Created(Path page, Path example, int order) {
    }

    public static Created create(SiteConfig config, String title) throws IOException {
        if (title.isBlank()) {
            throw new IllegalArgumentException("give the question as the title, e.g. llmqa new \"What is beam search?\"");
        }
        int order = nextOrder(config.content().resolve("questions"));
        String name = String.format("%02d-%s", order, slug(title));
        Optional<Path> same = pageNamed(config.content(), Scan.slug(name));
        if (same.isPresent()) {
            throw new IllegalArgumentException("a page named '" + Scan.slug(name) + "' exists already: "
                    + config.display(same.get()) + "; edit that page, or word the title differently");
        }
        Path page = config.content().resolve("questions/" + name + ".md");
        Path example = config.examples().resolve(name + ".jsh");
        for (Path file : List.of(page, example)) {
            if (Files.exists(file)) {
                throw new IllegalArgumentException(config.display(file) + " already exists");
            }
        }
        Files.createDirectories(page.getParent());
        Files.createDirectories(example.getParent());
        Files.writeString(page, page(title, order, name), StandardCharsets.UTF_8);
        Files.writeString(example, example(name), StandardCharsets.UTF_8);
        return new Created(page, example, order);
    }

    private static Optional<Path> pageNamed(Path content, String slug) throws IOException {
        if (!Files.isDirectory(content)) {
            return Optional.empty();
        }
        return Scan.markdownFiles(content).stream().filter(f -> Scan.slug(f.getFileName().toString()).equals(slug)).findFirst();
    }

    static int nextOrder(Path questions) throws IOException {
        int max = 0;
        if (Files.isDirectory(questions)) {
            try (Stream<Path> files = Files.list(questions)) {
                for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".md"))::iterator) {
                    Matcher m = ORDER.matcher(Files.readString(file, StandardCharsets.UTF_8));
                    if (m.find()) {
                        max = Math.max(max, Integer.parseInt(m.group(1)));
                    }
                }
            }
        }
        return max + 1;
    }

    static String slug(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        List<String> skip = List.of("what", "is", "are", "the", "a", "an", "how", "does", "do", "and", "of", "in", "to", "it");
        String words = String.join("-", Stream.of(slug.split("-")).filter(w -> !skip.contains(w)).limit(5).toList());
        return words.isEmpty() ? (slug.isEmpty() ? "question" : slug) : words;
    }

    private static String page(String title, int order, String name) {
        return String.join("\n",
                "title=" + title.strip(),
                "type=question",
                "status=published",
                "order=" + order,
                "summary=One plain sentence for the home page: the short answer.",
                "~~~~~~",
                "Answer the question here in two to four sentences, the way you would open in an interview. Then go",
                "deeper in the sections below. Add `tags=a,b` to the header to list the page under tags.",
                "",
                "## How it works",
                "",
                "```mermaid title=\"The idea in one picture\"",
                "flowchart LR",
                "  A[\"Input\"] --> B[\"The step this page explains\"] --> C[\"Result\"]",
                "```",
                "",
                "The formula is $y = 2x$, and the kernel that computes it:",
                "",
                "```java include=" + name + ".jsh#kernel",
                "```",
                "",
                "For $x = 21$ it gives `= twice(21)`: numbers in prose are computed, never typed. In JShell:",
                "",
                "```jshell",
                "jshell> twice(21)",
                "$1 ==> 42.0",
                "```",
                "",
                "## Sources",
                "",
                "Cite the primary papers for every fact that is quoted rather than computed[^source].",
                "",
                "[^source]: Author et al. (Year). *Title*. arXiv:0000.00000.",
                "");
    }

    private static String example(String name) {
        return String.join("\n",
                "// " + name + ": the kernels of the page, runnable as `jshell examples/" + name + ".jsh`.",
                "",
                "// @start region=\"kernel\"",
                "// twice the input: replace with the computation the page explains",
                "double twice(double x) {",
                "    return 2 * x;",
                "}",
                "// @end region=\"kernel\"",
                "",
                "// ---- self-checks against published or hand-computed values: a mismatch throws ----",
                "int checks = 0;",
                "void check(String what, double actual, double expected, double relTol) {",
                "    double err = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);",
                "    if (!(err <= relTol)) throw new IllegalStateException(\"" + name + ": \" + what + \" = \" + actual + \", expected \" + expected);",
                "    checks++;",
                "}",
                "check(\"twice 21\", twice(21), 42, 0);",
                "System.out.println(\"" + name + ": \" + checks + \" checks passed\");",
                "");
    }
}
