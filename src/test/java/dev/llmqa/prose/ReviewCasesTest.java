package dev.llmqa.prose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqa.markdown.Markdown;
import dev.llmqa.problem.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The STYLE rows of the 2026 content review that are numbers typed by hand, on copies of the pages as they were
 * reviewed (src/test/resources/prose/review-2026/, so the line numbers are the review's), and a page written
 * the way the rule asks, which raises nothing.
 */
class ReviewCasesTest {

    private static final Path PAGES = Path.of("src/test/resources/prose");

    /** The page's problems, found as the build finds them: the body after the ~~~~~~ line, parsed by flexmark. */
    private static List<String> found(String file) throws IOException {
        List<String> lines = Files.readAllLines(PAGES.resolve(file));
        int separator = lines.indexOf("~~~~~~") + 1;
        String body = String.join("\n", lines.subList(separator, lines.size())) + "\n";
        String path = "content/questions/" + Path.of(file).getFileName();
        return TypedNumbers.find(path, Markdown.parse(body), separator).stream()
                .map(p -> p.location() + ": " + p.message()).toList();
    }

    @Test
    void the_reviews_hand_typed_numbers_are_caught_at_their_lines() throws IOException {
        List<String> found = Stream.of("03-quantization.md", "08-kv-cache.md", "10-inference-optimization.md")
                .flatMap(file -> {
                    try {
                        return found("review-2026/" + file).stream();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).toList();
        assertThat(found).contains(
                // 03:63 "4.80 bits" typed, then used in the inline values after it
                "content/questions/03-quantization.md:63:48: hand-typed number \"4.80 bits\" in prose",
                // 08:134 the parameter count in prose
                "content/questions/08-kv-cache.md:134:46: hand-typed number \"68,976,648,192 parameters\" in prose",
                // 08:223 the H100's FLOP/s and bandwidth retyped in the formula
                "content/questions/08-kv-cache.md:223:28: hand-typed number \"989 \\times 10^{12}\\ \\text{FLOP/s}\" in a formula",
                "content/questions/08-kv-cache.md:223:63: hand-typed number \"3.35 \\times 10^{12}\\ \\text{B/s}\" in a formula",
                // 10:49-51 copies of llama70bParams, h100Bw and a100Bw
                "content/questions/10-inference-optimization.md:49:18: hand-typed number \"68,976,648,192 parameters\" in prose",
                "content/questions/10-inference-optimization.md:50:80: hand-typed number \"3.35 TB/s\" in prose",
                "content/questions/10-inference-optimization.md:51:76: hand-typed number \"2.039 TB/s\" in prose");
    }

    @Test
    void a_page_whose_numbers_are_inline_values_or_cited_raises_nothing() throws IOException {
        assertThat(found("clean.md")).isEmpty();
    }
}
