package dev.llmqa.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmqa.Fixtures;
import dev.llmqa.WarmTools;
import dev.llmqa.config.SiteConfig;
import dev.llmqa.problem.BuildFailed;
import dev.llmqa.problem.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The catalogue of damage a cache can take (found: truncated, emptied or garbled entries were served as valid and
 * baked broken HTML until the user guessed --no-cache). Every entry of a warm cache is damaged one way, then the
 * site is built again: each damaged file is named in one warning, and the site equals a clean build byte for byte;
 * the build after that has nothing to warn about. A damaged stored diagram is drawn again, or fails at its line.
 */
@Tag("integration")
class CacheDamageCatalogueTest {

    /** The builds share snippet JVMs and the JavaScript engine: the pipeline is the real one, only tool start-up is shared. */
    @RegisterExtension
    static final WarmTools TOOLS = WarmTools.shared();

    private static final String MATH_PAGE = "title=Math\ntype=page\nstatus=published\n~~~~~~\n"
            + "Inline $a_i + b$ and\n\n$$\n\\sum_i x_i^2\n$$\n\n```java\nString s = \"highlighted\";\n```\n";

    @TempDir
    static Path work;

    private static Path clean;
    private static Map<String, String> cleanSite;

    /** A site with snippets, inline values, math, highlighted code and a stored diagram, built from nothing. */
    @BeforeAll
    static void buildCleanOnce() throws Exception {
        clean = project(work.resolve("clean"));
        build(clean, new ArrayList<>());
        cleanSite = Fixtures.fingerprint(clean.resolve("site"));
        assertThat(entries(clean)).extracting(p -> clean.resolve(".llmqa/cache/v1").relativize(p).getName(0).toString())
                .contains("math", "highlight", "snippets");
    }

    private static Path project(Path root) {
        Fixtures.copy("basic", root);
        Fixtures.write(root.resolve("content/about.md"), MATH_PAGE);
        return root;
    }

    /** Each way an entry can go bad, as a change to its bytes ({@code another}: the bytes of another entry). */
    enum Damage {
        EMPTIED, TRUNCATED, GARBLED, ANOTHER_ENTRYS, WITHOUT_HEADER, WRONG_SHAPE_WITH_GOOD_DIGEST;

        byte[] apply(Path entry, byte[] bytes, byte[] another) {
            return switch (this) {
                case EMPTIED -> new byte[0];
                case TRUNCATED -> Arrays.copyOf(bytes, bytes.length * 2 / 3);
                case GARBLED -> {
                    byte[] copy = bytes.clone();
                    for (int i = copy.length / 2; i < copy.length; i += 7) {
                        copy[i] = (byte) '#';
                    }
                    yield copy;
                }
                case ANOTHER_ENTRYS -> another;
                case WITHOUT_HEADER -> body(bytes).getBytes(StandardCharsets.UTF_8);
                case WRONG_SHAPE_WITH_GOOD_DIGEST -> withGoodDigest(entry, bytes, entry.toString().contains("/math/")
                        ? "<div>not KaTeX</div>" : "{\"steps\":[]}");
            };
        }

        /** The entries this damage can show in: any text is highlighted code, so a shape is only checked elsewhere. */
        boolean appliesTo(Path entry) {
            return this != WRONG_SHAPE_WITH_GOOD_DIGEST || !entry.toString().contains("/highlight/");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Damage.class)
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void damaged_entries_are_named_recomputed_and_the_site_equals_a_clean_build(Damage damage) throws Exception {
        Path root = project(work.resolve(damage.name()));
        Fixtures.copyTree(clean.resolve(".llmqa"), root.resolve(".llmqa"));
        List<Path> all = entries(root);
        List<String> damaged = new ArrayList<>();
        List<byte[]> bytes = new ArrayList<>();
        for (Path entry : all) {
            bytes.add(Files.readAllBytes(entry));
        }
        for (int i = 0; i < all.size(); i++) {
            if (damage.appliesTo(all.get(i))) {
                Files.write(all.get(i), damage.apply(all.get(i), bytes.get(i), bytes.get((i + 1) % all.size())));
                damaged.add(root.relativize(all.get(i)).toString());
            }
        }

        List<Problem> warnings = new ArrayList<>();
        build(root, warnings);
        assertThat(warnings).extracting(Problem::path).containsExactlyInAnyOrderElementsOf(damaged);
        assertThat(warnings).allSatisfy(w -> assertThat(w.message()).startsWith("damaged cache entry, not used: ")
                .endsWith("; it is computed again and replaced"));
        assertThat(Fixtures.fingerprint(root.resolve("site"))).isEqualTo(cleanSite);

        List<Problem> again = new ArrayList<>();
        build(root, again);
        assertThat(again).as("every damaged entry was replaced").isEmpty();
        assertThat(Fixtures.fingerprint(root.resolve("site"))).isEqualTo(cleanSite);
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void a_damaged_stored_diagram_without_the_mermaid_cli_fails_at_the_diagram_and_keeps_the_site() throws Exception {
        Path root = project(work.resolve("diagram-no-cli"));
        Fixtures.copyTree(clean.resolve(".llmqa"), root.resolve(".llmqa"));
        build(root, new ArrayList<>());
        Map<String, String> before = Fixtures.fingerprint(root.resolve("site"));
        Path svg = onlyDiagram(root);
        String name = "diagrams/" + svg.getFileName();
        String good = Files.readString(svg);
        Map<String, String> damages = Map.of(
                "", "the file is empty",
                good.substring(0, good.length() / 2), "it is not well-formed XML (",
                good.replace("id=\"mmd-831cc9101fa4\"", "id=\"mmd-000000000000\""),
                "it is the drawing with id 'mmd-000000000000', not 'mmd-831cc9101fa4' (another diagram's SVG?)",
                "<html xmlns=\"http://www.w3.org/1999/xhtml\"/>", "its root element is <html>, not an SVG <svg>");
        for (Map.Entry<String, String> damage : damages.entrySet()) {
            Files.writeString(svg, damage.getKey());
            assertThatThrownBy(() -> build(root, new ArrayList<>())).isInstanceOfSatisfying(BuildFailed.class, failed -> {
                assertThat(failed.problems()).hasSize(1);
                Problem problem = failed.problems().get(0);
                assertThat(problem.location()).isEqualTo("content/questions/01-first.md:22");
                assertThat(problem.message()).startsWith("the stored SVG of this diagram, " + name + ", is damaged ("
                        + damage.getValue()).endsWith(") and cannot be drawn again here (tools/mermaid is not installed:"
                        + " run cd tools/mermaid && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts)");
                assertThat(problem.hint()).isEqualTo("Restore it with git checkout -- " + name
                        + ", or install the Mermaid CLI (see README) and build again to draw and replace it.");
            });
            assertThat(Fixtures.fingerprint(root.resolve("site"))).isEqualTo(before);
        }
    }

    /** Needs the pinned Mermaid CLI (tools/mermaid, installed by .ci/run): a stored diagram that went bad is redrawn. */
    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void a_damaged_stored_diagram_is_drawn_again_and_the_site_equals_a_clean_build() throws Exception {
        Path tool = Path.of("tools/mermaid").toAbsolutePath();
        assertThat(tool.resolve("node_modules/@mermaid-js/mermaid-cli/package.json"))
                .as("CI installs it with .ci/run; locally: cd tools/mermaid && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts")
                .isRegularFile();
        Path root = project(work.resolve("diagram-cli"));
        Fixtures.copyTree(clean.resolve(".llmqa"), root.resolve(".llmqa"));
        Files.createDirectories(root.resolve("tools"));
        Files.createSymbolicLink(root.resolve("tools/mermaid"), tool);
        Files.delete(onlyDiagram(root)); // the key names the CLI's configuration, which the fixture does not have
        build(root, new ArrayList<>());
        Path svg = onlyDiagram(root);
        Map<String, String> drawnClean = Fixtures.fingerprint(root.resolve("site"));
        byte[] drawn = Files.readAllBytes(svg);

        Files.write(svg, Arrays.copyOf(drawn, drawn.length - 10));
        List<Problem> warnings = new ArrayList<>();
        build(root, warnings);
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).location()).isEqualTo("diagrams/" + svg.getFileName());
        assertThat(warnings.get(0).message()).startsWith("damaged stored diagram, not used: it is not well-formed XML (")
                .endsWith("; it is drawn again and replaced");
        assertThat(Files.readAllBytes(svg)).isEqualTo(drawn);
        assertThat(Fixtures.fingerprint(root.resolve("site"))).isEqualTo(drawnClean);
    }

    private static Path onlyDiagram(Path root) throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("diagrams"))) {
            List<Path> svgs = files.toList();
            assertThat(svgs).hasSize(1);
            return svgs.get(0);
        }
    }

    /** Builds in reproducible mode (no run times), so a page whose snippets ran again gives the same bytes. */
    private static void build(Path root, List<Problem> warnings) throws Exception {
        RecordingProgress progress = new RecordingProgress();
        try {
            Pipeline.standard(true, progress, TOOLS.kept()).run(SiteConfig.of(root).withReproducible(true));
        } finally {
            warnings.addAll(progress.warnings);
        }
    }

    private static List<Path> entries(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve(".llmqa/cache/v1"))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String body(byte[] entry) {
        String text = new String(entry, StandardCharsets.UTF_8);
        return text.substring(text.indexOf('\n') + 1);
    }

    private static byte[] withGoodDigest(Path entry, byte[] bytes, String body) {
        String header = new String(bytes, StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        String key = header.split(" ")[2];
        String digest;
        try {
            digest = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return ("llmqa-cache 1 " + key + " " + digest + "\n" + body).getBytes(StandardCharsets.UTF_8);
    }

}
