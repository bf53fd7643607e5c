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
        store.put("aaa", "<svg/>");
        store.put("bbb", "<svg/>");
        assertThat(store.prune(Set.of("aaa"))).containsExactly("bbb.svg");
        assertThat(store.get("aaa")).contains("<svg/>");
        assertThat(store.get("bbb")).isEmpty();
    }
}
