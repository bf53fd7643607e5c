package dev.llmqa.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqa.Fixtures;
import dev.llmqa.config.SandboxMode;
import dev.llmqa.config.SiteConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build does nothing only when it would read what the stamped build read and the site is the one it left: every
 * input file, the options and the site's files are in the comparison, and a stamp that is not whole is none.
 */
class StampTest {

    @TempDir
    Path root;

    private SiteConfig config;

    @BeforeEach
    void project() throws Exception {
        Fixtures.write(root.resolve("templates/page.ftl"), "${content.body}");
        Fixtures.write(root.resolve("templates/assets/site.css"), "body {}");
        Fixtures.write(root.resolve("content/one.md"), "title=One\ntype=page\nstatus=published\n~~~~~~\nFirst.\n");
        Fixtures.write(root.resolve("content/images/a.svg"), "<svg/>");
        Fixtures.write(root.resolve("examples/01-one.jsh"), "int one() { return 1; }\n");
        Fixtures.write(root.resolve("diagrams/abc.svg"), "<svg/>");
        Fixtures.write(root.resolve("site/one.html"), "<p>First.</p>");
        Fixtures.write(root.resolve("site/css/site.css"), "body {}");
        config = SiteConfig.of(root, Map.of());
        StampFile.write(config, inputs(config));
    }

    /** The inputs as a build sees them: reusing the digests of the files the last stamp saw unchanged. */
    private static Inputs inputs(SiteConfig config) throws Exception {
        return Inputs.read(config, StampFile.read(config).map(stamp -> stamp.inputs().files()).orElse(Map.of()));
    }

    /** As a build a minute from now sees them: the files written by the test are no longer too recent to trust. */
    private static Inputs later(SiteConfig config) throws Exception {
        return Inputs.read(config, StampFile.read(config).map(stamp -> stamp.inputs().files()).orElse(Map.of()),
                System.currentTimeMillis() + 60_000);
    }

    private static String digest(SiteConfig config) throws Exception {
        return inputs(config).digest();
    }

    private boolean upToDate() throws Exception {
        return upToDate(config, true);
    }

    private static boolean upToDate(SiteConfig config, boolean site) throws Exception {
        var stamp = StampFile.read(config);
        return stamp.isPresent() && StampFile.upToDate(config, stamp.get(), inputs(config), site);
    }

    @Test
    void the_same_inputs_and_site_are_up_to_date_and_touching_a_file_changes_nothing() throws Exception {
        assertThat(upToDate()).isTrue();
        Files.setLastModifiedTime(root.resolve("content/one.md"), FileTime.fromMillis(1_000_000));
        assertThat(upToDate()).as("a page touched, its bytes the same (the templates show no dates)").isTrue();
    }

    @Test
    void every_input_file_counts() throws Exception {
        for (String file : new String[] {"content/one.md", "content/images/a.svg", "examples/01-one.jsh",
                "templates/page.ftl", "templates/assets/site.css", "diagrams/abc.svg", "jbake.properties"}) {
            String before = digest(config);
            Path path = root.resolve(file);
            Fixtures.write(path, (Files.exists(path) ? Files.readString(path) : "") + " ");
            assertThat(digest(config)).as(file + " edited").isNotEqualTo(before);
            assertThat(upToDate()).as(file + " edited").isFalse();
        }
    }

    @Test
    void added_removed_and_renamed_inputs_count() throws Exception {
        String before = digest(config);
        Fixtures.write(root.resolve("examples/02-two.jsh"), "");
        String added = digest(config);
        assertThat(added).as("an empty example file added").isNotEqualTo(before);
        Files.move(root.resolve("examples/02-two.jsh"), root.resolve("examples/03-two.jsh"));
        assertThat(digest(config)).as("renamed").isNotEqualTo(added).isNotEqualTo(before);
        Files.delete(root.resolve("examples/03-two.jsh"));
        assertThat(digest(config)).as("removed again").isEqualTo(before);
        Files.move(root.resolve("diagrams/abc.svg"), root.resolve("content/abc.svg"));
        assertThat(digest(config)).as("moved to another folder").isNotEqualTo(before);
    }

    @Test
    void files_behind_a_link_count() throws Exception {
        Path outside = root.resolve("outside");
        Fixtures.write(outside.resolve("pic.svg"), "<svg/>");
        Files.createSymbolicLink(root.resolve("content/pics"), outside);
        String before = digest(config);
        Fixtures.write(outside.resolve("pic.svg"), "<svg><g/></svg>");
        assertThat(digest(config)).as("a file in a linked folder of content/ edited").isNotEqualTo(before);
    }

    @Test
    void the_options_that_change_a_build_count() throws Exception {
        String plain = digest(config);
        assertThat(digest(config.withStrictDiagrams(true))).isNotEqualTo(plain);
        assertThat(digest(config.withSandbox(SandboxMode.REQUIRED))).isNotEqualTo(plain);
        assertThat(digest(config.withReproducible(true))).isNotEqualTo(plain);
        assertThat(digest(SiteConfig.of(root, Map.of("GITHUB_REPOSITORY", "o/r", "GITHUB_REF_NAME", "main"))))
                .as("edit links from the Actions run").isNotEqualTo(plain);
    }

    @Test
    void an_unchanged_file_keeps_its_digest_and_a_file_changed_within_the_same_time_is_still_seen() throws Exception {
        Path page = root.resolve("content/one.md");
        StampFile.write(config, later(config));
        Inputs.Seen old = StampFile.read(config).orElseThrow().inputs().files().get("content/one.md");
        // the stamp's digest of the page is what a build reuses while the file looks the same: a wrong one shows
        Path stamp = StampFile.of(config);
        Files.writeString(stamp, Files.readString(stamp).replace(old.sha(), "0".repeat(64)));
        assertThat(StampFile.upToDate(config, StampFile.read(config).orElseThrow(), later(config), true))
                .as("the page is not digested again while it looks unchanged").isFalse();
        StampFile.write(config, later(config));
        assertThat(StampFile.upToDate(config, StampFile.read(config).orElseThrow(), later(config), true)).isTrue();

        // the same size, the same modification time, other bytes: the change time and identity give it away
        FileTime time = Files.getLastModifiedTime(page);
        Path other = root.resolve("other.md");
        Files.writeString(other, Files.readString(page).replace("First", "Fir5t"));
        Files.setLastModifiedTime(other, time);
        Files.move(other, page, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.getLastModifiedTime(page)).isEqualTo(time);
        assertThat(StampFile.upToDate(config, StampFile.read(config).orElseThrow(), later(config), true))
                .as("replaced by a file of the same size and time").isFalse();
    }

    @Test
    void a_file_saved_just_before_the_build_read_it_is_digested_again_next_time() throws Exception {
        Fixtures.write(root.resolve("content/one.md"), "title=One\ntype=page\nstatus=published\n~~~~~~\nNew.\n");
        StampFile.write(config, inputs(config));
        assertThat(StampFile.read(config).orElseThrow().inputs().files().get("content/one.md").modified())
                .as("too recent to trust its times").isEqualTo(-1);
        assertThat(StampFile.read(config).orElseThrow().inputs().files().get("content/one.md").sha())
                .isEqualTo(later(config).files().get("content/one.md").sha());
        Path stamp = StampFile.of(config);
        String sha = StampFile.read(config).orElseThrow().inputs().files().get("content/one.md").sha();
        Files.writeString(stamp, Files.readString(stamp).replace(sha, "0".repeat(64)));
        assertThat(upToDate()).as("digested again: the stamp's wrong digest of it is not used").isTrue();
    }

    @Test
    void an_up_to_date_build_keeps_what_it_saw_of_files_too_recent_to_trust_before() throws Exception {
        Fixtures.write(root.resolve("content/one.md"), "title=One\ntype=page\nstatus=published\n~~~~~~\nNew.\n");
        StampFile.write(config, inputs(config));
        var stamp = StampFile.read(config).orElseThrow();
        assertThat(stamp.inputs().files().get("content/one.md").modified()).isEqualTo(-1);

        Inputs next = later(config);
        assertThat(StampFile.upToDate(config, stamp, next, true)).isTrue();
        StampFile.refresh(config, stamp, next);
        var refreshed = StampFile.read(config).orElseThrow();
        assertThat(refreshed.inputs().files().get("content/one.md").modified()).as("trusted now")
                .isEqualTo(Files.getLastModifiedTime(root.resolve("content/one.md")).toMillis());
        assertThat(refreshed.inputs().digest()).isEqualTo(stamp.inputs().digest());
        assertThat(refreshed.files()).as("the site's files as the stamp had them").isEqualTo(stamp.files());

        String text = Files.readString(StampFile.of(config));
        StampFile.refresh(config, refreshed, later(config));
        assertThat(Files.readString(StampFile.of(config))).as("nothing new seen: not written").isEqualTo(text);
    }

    @Test
    void a_page_time_counts_when_a_template_shows_dates() throws Exception {
        Fixtures.write(root.resolve("templates/page.ftl"), "${content.date?string(\"yyyy-MM-dd\")} ${content.body}");
        String before = digest(config);
        Files.setLastModifiedTime(root.resolve("content/one.md"), FileTime.fromMillis(1_000_000));
        assertThat(digest(config)).isNotEqualTo(before);
    }

    @Test
    void any_change_to_the_site_folder_means_it_is_not_up_to_date() throws Exception {
        Map<String, Consumer<Path>> changes = Map.of(
                "a file rewritten", site -> Fixtures.write(site.resolve("one.html"), "<p>Other.</p>"),
                "a file touched", site -> touch(site.resolve("css/site.css")),
                "a file deleted", site -> delete(site.resolve("one.html")),
                "a file added", site -> Fixtures.write(site.resolve("stray.html"), ""),
                "the folder deleted", StampTest::deleteTree);
        for (Map.Entry<String, Consumer<Path>> change : changes.entrySet()) {
            StampFile.write(config, inputs(config));
            assertThat(upToDate()).isTrue();
            change.getValue().accept(config.out());
            assertThat(upToDate()).as(change.getKey()).isFalse();
            assertThat(upToDate(config, false))
                    .as(change.getKey() + ": a check does not look at the site").isTrue();
            Fixtures.write(root.resolve("site/one.html"), "<p>First.</p>");
            Fixtures.write(root.resolve("site/css/site.css"), "body {}");
            delete(root.resolve("site/stray.html"));
        }
    }

    @Test
    void a_stamp_of_another_site_folder_or_format_or_damaged_or_deleted_is_none() throws Exception {
        SiteConfig other = config.withOut(root.resolve("elsewhere"));
        Fixtures.write(other.out().resolve("one.html"), "");
        assertThat(upToDate(other, true)).as("no stamp for that folder").isFalse();
        Path file = StampFile.of(config);
        String text = Files.readString(file);
        Files.createDirectories(StampFile.of(other).getParent());
        Files.copy(file, StampFile.of(other));
        assertThat(upToDate(other, true)).as("the stamp of another folder").isFalse();

        Files.writeString(file, text.replaceFirst("llmqa stamp \\d+", "llmqa stamp 999"));
        assertThat(upToDate()).as("another format").isFalse();
        Files.writeString(file, text.substring(0, text.lastIndexOf('\t')));
        assertThat(upToDate()).as("cut short").isFalse();
        Files.writeString(file, text.replaceFirst("\nout\t\\d+\t", "\nout\tbig\t"));
        assertThat(upToDate()).as("not a number").isFalse();
        Files.writeString(file, text);
        assertThat(upToDate()).as("whole again").isTrue();
        StampFile.delete(config);
        assertThat(upToDate()).as("deleted").isFalse();
    }

    private static void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5_000));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path folder) {
        try {
            dev.llmqa.build.Folders.delete(folder);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
