package dev.llmqa.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqa.Fixtures;
import dev.llmqa.config.SiteConfig;
import dev.llmqa.problem.Problem;
import dev.llmqa.problem.Problems;
import dev.llmqa.site.Page;
import dev.llmqa.site.Site;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kept scan takes a file as it was only while the file, the page types and the example files are unchanged. */
class ScannedTest {

    @TempDir
    Path root;

    private final Scanned memo = Scanned.kept();

    @BeforeEach
    void project() {
        Fixtures.copy("blocks", root);
    }

    private List<Page> scan(Scanned with, Problems problems) throws IOException {
        return new Scan(with).run(Site.start(SiteConfig.of(root)), problems).site().pages();
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
