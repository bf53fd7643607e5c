package dev.llmqa.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqa.Fixtures;
import dev.llmqa.config.SiteConfig;
import dev.llmqa.content.Scan;
import dev.llmqa.problem.Problem;
import dev.llmqa.problem.Problems;
import dev.llmqa.site.Site;
import dev.llmqa.site.Spot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagramExecutorTest {

    private static final Spot SPOT = new Spot("content/questions/01-first.md", 22, 0);

    @TempDir
    Path root;

    /** A renderer that draws an empty SVG with the diagram's id, fails sources containing "bad", and counts its batches. */
    static final class FakeRenderer implements DiagramRenderer {
        final List<List<Diagram>> batches = new ArrayList<>();
        final String unavailable;

        FakeRenderer(String unavailable) {
            this.unavailable = unavailable;
        }

        @Override
        public Optional<String> unavailable() {
            return Optional.ofNullable(unavailable);
        }

        @Override
        public List<Rendered> render(List<Diagram> diagrams) {
            batches.add(diagrams);
            return diagrams.stream().map(d -> d.source().contains("bad")
                    ? Rendered.failed("Parse error on line 9:\n...bad\n^") : Rendered.ok("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"" + d.id() + "\"></svg>")).toList();
        }
    }

    /** The basic fixture with an empty diagram store. */
    private void copyWithoutStore() throws java.io.IOException {
        Fixtures.copy("basic", root);
        dev.llmqa.build.Folders.delete(root.resolve("diagrams"));
    }

    private Site scanned(SiteConfig config) throws Exception {
        return new Scan().run(Site.start(config), new Problems()).site();
    }

    @Test
    void missing_diagrams_are_drawn_in_one_batch_and_stored_then_served_from_the_store() throws Exception {
        copyWithoutStore();
        SiteConfig config = SiteConfig.of(root);
        FakeRenderer renderer = new FakeRenderer(null);
        Drawings first = new DiagramExecutor(site -> renderer).execute(scanned(config), new Problems()).results();
        assertThat(renderer.batches).hasSize(1);
        assertThat(first.drawn(SPOT)).hasValueSatisfying(d -> assertThat(d.svg()).contains("id=\"mmd-"));
        assertThat(d(first).title()).isEqualTo("A diagram");

        Drawings second = new DiagramExecutor(site -> renderer).execute(scanned(config), new Problems()).results();
        assertThat(renderer.batches).hasSize(1);
        assertThat(d(second).svg()).isEqualTo(d(first).svg());
    }

    @Test
    void a_damaged_stored_diagram_is_drawn_again_with_a_warning_naming_the_file() throws Exception {
        copyWithoutStore();
        SiteConfig config = SiteConfig.of(root);
        FakeRenderer renderer = new FakeRenderer(null);
        Drawings first = new DiagramExecutor(site -> renderer).execute(scanned(config), new Problems()).results();
        Path stored;
        try (var files = java.nio.file.Files.list(root.resolve("diagrams"))) {
            stored = files.findFirst().orElseThrow();
        }
        java.nio.file.Files.writeString(stored, "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"mmd-");

        Problems problems = new Problems();
        Drawings second = new DiagramExecutor(site -> renderer).execute(scanned(config), problems).results();
        assertThat(renderer.batches).hasSize(2);
        assertThat(problems.list()).isEmpty();
        assertThat(problems.takeWarnings()).singleElement().satisfies(w -> {
            assertThat(w.location()).isEqualTo("diagrams/" + stored.getFileName());
            assertThat(w.message()).startsWith("damaged stored diagram, not used: it is not well-formed XML (")
                    .endsWith("; it is drawn again and replaced");
        });
        assertThat(d(second).svg()).isEqualTo(d(first).svg());
        assertThat(stored).hasContent(d(first).svg());
    }

    private static Drawings.Drawn d(Drawings results) {
        return results.drawn(SPOT).orElseThrow();
    }

    @Test
    void without_a_renderer_a_missing_diagram_is_left_to_the_browser_with_a_warning() throws Exception {
        copyWithoutStore();
        Problems problems = new Problems();
        Drawings results = new DiagramExecutor(site -> new FakeRenderer("Node.js is not installed"))
                .execute(scanned(SiteConfig.of(root)), problems).results();
        assertThat(problems.isEmpty()).isTrue();
        assertThat(problems.takeWarnings()).extracting(Problem::location, Problem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("content/questions/01-first.md:22",
                        "this diagram has no stored SVG and cannot be drawn here (Node.js is not installed)"));
        assertThat(results.inBrowser(SPOT)).isPresent();
    }

    @Test
    void strict_diagrams_make_it_an_error() throws Exception {
        copyWithoutStore();
        Problems problems = new Problems();
        new DiagramExecutor(site -> new FakeRenderer("Node.js is not installed"))
                .execute(scanned(SiteConfig.of(root).withStrictDiagrams(true)), problems);
        assertThat(problems.list()).extracting(Problem::location).containsExactly("content/questions/01-first.md:22");
    }

    @Test
    void a_parse_error_points_into_the_block_clamped_to_its_last_line() throws Exception {
        copyWithoutStore();
        Fixtures.write(root.resolve("content/about.md"),
                "title=A\ntype=page\nstatus=published\n~~~~~~\n```mermaid\nflowchart LR\n  A --> bad\n```\n");
        Problems problems = new Problems();
        new DiagramExecutor(site -> new FakeRenderer(null)).execute(scanned(SiteConfig.of(root)), problems);
        // the diagram's lines are file lines 6-7; mmdc's "line 9" is past the end
        assertThat(problems.list()).extracting(Problem::location, Problem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("content/about.md:7", "mermaid: Parse error on line 9:\n   ...bad\n   ^"));
    }
}
