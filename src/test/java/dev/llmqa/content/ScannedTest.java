package dev.llmqa.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqa.Fixtures;
import dev.llmqa.config.SiteConfig;
import dev.llmqa.problem.Problem;
import dev.llmqa.problem.Problems;
import dev.llmqa.site.Page;
import dev.llmqa.manifest.Inputs;
import dev.llmqa.site.Site;
import dev.llmqa.site.Sources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kept scan takes a file as it was only while the file (as the pipeline saw it), the page types and the example
 * files are unchanged.
 */
class ScannedTest {

    @TempDir
    Path root;

    private final Scanned memo = Scanned.kept();

    @BeforeEach
    void project() {
        Fixtures.copy("blocks", root);
    }

    private List<Page> scan(Scanned with, Problems problems) throws IOException {
        return scan(with, sources(), problems);
    }

    private List<Page> scan(Scanned with, Sources sources, Problems problems) throws IOException {
        return new Scan(with).run(Site.start(SiteConfig.of(root), sources), problems).site().pages();
    }

    /** The files' digests as the pipeline takes them before its first stage. */
    private Sources sources() throws IOException {
        Map<String, String> sha = new HashMap<>();
        Inputs.read(SiteConfig.of(root), Map.of()).files().forEach((path, seen) -> sha.put(path, seen.sha()));
        return new Sources(sha);
    }

    private Page kinds(List<Page> pages) {
        return pages.stream().filter(p -> p.path().endsWith("01-kinds.md")).findFirst().orElseThrow();
    }

    @Test
    void an_unchanged_file_is_not_parsed_again_and_scans_as_a_fresh_scan_does() throws IOException {
        List<Page> first = scan(memo, new Problems());
        List<Page> second = scan(memo, new Problems());
        assertThat(second).hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i)).isSameAs(first.get(i));
        }
        assertThat(scan(Scanned.none(), new Problems())).usingRecursiveFieldByFieldElementComparatorIgnoringFields("parsed")
                .isEqualTo(second);
    }

    @Test
    void an_edited_page_is_scanned_again_and_the_others_are_kept() throws IOException {
        List<Page> first = scan(memo, new Problems());
        Path page = kinds(first).source();
        Files.writeString(page, Files.readString(page, StandardCharsets.UTF_8) + "\nOne more line.\n", StandardCharsets.UTF_8);
        List<Page> second = scan(memo, new Problems());
        assertThat(kinds(second)).isNotSameAs(kinds(first));
        assertThat(kinds(second).body()).endsWith("One more line.\n");
        assertThat(second.stream().filter(p -> !p.path().endsWith("01-kinds.md")))
                .allSatisfy(p -> assertThat(first).anySatisfy(q -> assertThat(q).isSameAs(p)));
    }

    @Test
    void an_edited_example_file_scans_every_page_again_so_includes_show_the_new_code() throws IOException {
        List<Page> first = scan(memo, new Problems());
        Path example = root.resolve("examples/01-kinds.jsh");
        Files.writeString(example, Files.readString(example, StandardCharsets.UTF_8)
                .replace("// @end region=\"kv-formula\"", "long added() { return 1; }\n// @end region=\"kv-formula\""), StandardCharsets.UTF_8);
        List<Page> second = scan(memo, new Problems());
        assertThat(kinds(second)).isNotSameAs(kinds(first));
        assertThat(kinds(second).blocks()).anySatisfy(b -> assertThat(b.included())
                .hasValueSatisfying(in -> assertThat(in.code()).contains("added()")));
    }

    @Test
    void a_file_saved_again_after_the_pipeline_looked_is_scanned_as_it_is_and_kept_as_such() throws IOException {
        scan(memo, new Problems());
        Path page = root.resolve("content/questions/01-kinds.md");
        String text = Files.readString(page, StandardCharsets.UTF_8);
        Files.writeString(page, text + "\nSaved.\n", StandardCharsets.UTF_8);
        Sources looked = sources();
        Files.writeString(page, text + "\nSaved again during the build.\n", StandardCharsets.UTF_8);
        Page during = kinds(scan(memo, looked, new Problems()));
        assertThat(during.body()).endsWith("Saved again during the build.\n");
        assertThat(kinds(scan(memo, new Problems()))).as("the next build, whose pipeline sees the file saved again")
                .isSameAs(during);
    }

    @Test
    void without_the_files_digests_nothing_is_kept() throws IOException {
        Page first = kinds(scan(memo, Sources.none(), new Problems()));
        assertThat(kinds(scan(memo, Sources.none(), new Problems()))).isNotSameAs(first);
    }

    @Test
    void a_kept_file_reports_its_problems_again_in_every_build() throws IOException {
        Fixtures.write(root.resolve("content/questions/09-broken.md"), "title=Broken\ntype=question\nstatus=published\n"
                + "order=9\n~~~~~~\n```jshel\n1 + 1\n```\n");
        Problems first = new Problems();
        scan(memo, first);
        Problems second = new Problems();
        scan(memo, second);
        assertThat(first.list()).isNotEmpty();
        assertThat(second.list()).extracting(Problem::toString).isEqualTo(first.list().stream().map(Problem::toString).toList());
    }
}
