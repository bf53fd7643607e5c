package dev.llmqa.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqa.config.SiteConfig;
import dev.llmqa.content.Scan;
import dev.llmqa.problem.Problems;
import dev.llmqa.site.Site;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagramStoreTest {

    @TempDir
    Path folder;

    /**
     * Committed, not merely on disk: the tests that build the project draw missing diagrams into diagrams/, so only
     * git can tell whether a pull request brought its SVGs.
     */
    @Test
    void every_diagram_of_the_content_has_a_committed_svg() throws Exception {
        SiteConfig config = SiteConfig.of(Path.of(""));
        Site site = new Scan().run(Site.start(config), new Problems()).site();
        DiagramStore store = new DiagramStore(config.diagrams());
        Set<String> tracked = tracked("diagrams");
        List<String> missing = DiagramExecutor.diagrams(site).stream()
                .filter(d -> store.get(d.key()).isEmpty() || !tracked.contains("diagrams/" + d.key() + ".svg"))
                .map(d -> d.spot().path() + ":" + d.spot().line() + " needs diagrams/" + d.key() + ".svg").toList();
        assertThat(missing).as("diagrams whose SVG is not committed: build once with the Mermaid CLI installed"
                + " (cd tools/mermaid && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts), then git add diagrams/").isEmpty();
        assertThat(DiagramExecutor.diagrams(site)).hasSizeGreaterThanOrEqualTo(10);
    }

    /** Store keys name the CLI version: the one pinned in tools/mermaid must be the one the keys use. */
    @Test
    void the_keys_name_the_pinned_mermaid_cli_version() throws Exception {
        var pinned = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Path.of("tools/mermaid/package.json").toFile())
                .path("dependencies").path("@mermaid-js/mermaid-cli").asText();
        assertThat(pinned).isEqualTo(DiagramExecutor.MERMAID_CLI_VERSION);
    }

    /** The files git tracks (committed or added) under a folder of this checkout. */
    private static Set<String> tracked(String folder) throws Exception {
        Process git = new ProcessBuilder("git", "ls-files", "--", folder).redirectErrorStream(true).start();
        String out = new String(git.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(git.waitFor()).as("git ls-files: " + out).isZero();
        return Set.copyOf(out.lines().toList());
    }

    @Test
    void without_node_every_diagram_of_the_content_comes_from_the_store() throws Exception {
        Site site = new Scan().run(Site.start(SiteConfig.of(Path.of(""))), new Problems()).site();
        Problems problems = new Problems();
        var results = new DiagramExecutor(s -> new DiagramExecutorTest.FakeRenderer("Node.js is not installed"))
                .execute(site, problems).results();
        assertThat(problems.list()).isEmpty();
        assertThat(problems.takeWarnings()).isEmpty();
        assertThat(DiagramExecutor.diagrams(site)).allSatisfy(d ->
                assertThat(results.drawn(d.spot())).as(d.spot().toString()).isPresent());
    }

    @Test
    void prune_removes_only_unused_svgs() throws Exception {
        DiagramStore store = new DiagramStore(folder);
        store.put("aaa", svg("mmd-aaa"));
        store.put("bbb", svg("mmd-bbb"));
        assertThat(store.prune(Set.of("aaa"))).containsExactly("bbb.svg");
        assertThat(store.get("aaa")).contains(svg("mmd-aaa"));
        assertThat(store.get("bbb")).isEmpty();
    }

    private static String svg(String id) {
        return "<svg id=\"" + id + "\" xmlns=\"http://www.w3.org/2000/svg\"><g/></svg>";
    }

    /** Every committed SVG passes the check the build makes when it reads one, so none is rewritten or refused. */
    @Test
    void every_committed_svg_is_sound() throws Exception {
        DiagramStore store = new DiagramStore(Path.of("diagrams"));
        try (var files = java.nio.file.Files.list(Path.of("diagrams"))) {
            List<String> keys = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".svg"))
                    .map(n -> n.substring(0, n.length() - 4)).toList();
            assertThat(keys).hasSizeGreaterThanOrEqualTo(10);
            assertThat(keys).allSatisfy(key -> assertThat(store.read(key)).as(key).isInstanceOf(DiagramStore.Stored.Good.class));
        }
    }

    @Test
    void a_damaged_svg_is_refused_with_the_reason() throws Exception {
        String key = "0123456789abcdef";
        String good = svg("mmd-0123456789ab");
        DiagramStore store = new DiagramStore(folder);
        java.util.Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("", "the file is empty");
        cases.put(good.substring(0, good.length() / 2), "it is not well-formed XML");
        cases.put("<html xmlns=\"http://www.w3.org/1999/xhtml\" id=\"mmd-0123456789ab\"/>", "its root element is <html>, not an SVG <svg>");
        cases.put("<svg id=\"mmd-0123456789ab\"/>", "its root element is <svg>, not an SVG <svg>");
        cases.put(svg("mmd-fedcba987654"), "it is the drawing with id 'mmd-fedcba987654', not 'mmd-0123456789ab' (another diagram's SVG?)");
        cases.put("<!DOCTYPE svg [<!ENTITY x \"y\">]>" + good, "it is not well-formed XML");
        for (var c : cases.entrySet()) {
            java.nio.file.Files.writeString(store.file(key), c.getKey());
            assertThat(store.read(key)).as(c.getValue()).isInstanceOfSatisfying(DiagramStore.Stored.Damaged.class,
                    bad -> assertThat(bad.why()).startsWith(c.getValue()));
        }
        java.nio.file.Files.write(store.file(key), new byte[] {(byte) 0xff, '<'});
        assertThat(store.read(key)).isEqualTo(new DiagramStore.Stored.Damaged(store.file(key), "it is not UTF-8 text"));
        store.put(key, good);
        assertThat(store.read(key)).isEqualTo(new DiagramStore.Stored.Good(good));
        assertThat(new DiagramStore(folder.resolve("none")).read(key)).isEqualTo(new DiagramStore.Stored.Missing());
    }

    /**
     * With the SVGs found sound kept (serve's), an unchanged file is not read again: bytes swapped under the same
     * size and time are not seen, while any change of size or time is read and checked again.
     */
    @Test
    void a_kept_check_reads_a_file_again_only_when_its_size_or_time_changed() throws Exception {
        String key = "0123456789abcdef";
        String good = svg("mmd-0123456789ab");
        DiagramStore kept = new DiagramStore(folder, CheckedSvgs.kept());
        kept.put(key, good);
        assertThat(kept.read(key)).isEqualTo(new DiagramStore.Stored.Good(good));
        var time = java.nio.file.Files.getLastModifiedTime(kept.file(key));

        String other = good.replace("<g/>", "<p/>");
        java.nio.file.Files.writeString(kept.file(key), other);
        java.nio.file.Files.setLastModifiedTime(kept.file(key), time);
        assertThat(kept.read(key)).as("same size and time").isEqualTo(new DiagramStore.Stored.Good(good));
        assertThat(new DiagramStore(folder).read(key)).as("nothing kept").isEqualTo(new DiagramStore.Stored.Good(other));

        java.nio.file.Files.setLastModifiedTime(kept.file(key), java.nio.file.attribute.FileTime.fromMillis(time.toMillis() + 2000));
        assertThat(kept.read(key)).as("another time").isEqualTo(new DiagramStore.Stored.Good(other));
        java.nio.file.Files.writeString(kept.file(key), good.substring(0, good.length() / 2));
        assertThat(kept.read(key)).as("another size").isInstanceOf(DiagramStore.Stored.Damaged.class);
        java.nio.file.Files.delete(kept.file(key));
        assertThat(kept.read(key)).as("deleted").isEqualTo(new DiagramStore.Stored.Missing());
    }
}
