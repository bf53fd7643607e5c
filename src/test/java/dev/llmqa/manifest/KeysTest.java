package dev.llmqa.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqa.Fixtures;
import dev.llmqa.build.Pipeline;
import dev.llmqa.build.Progress;
import dev.llmqa.config.SiteConfig;
import dev.llmqa.site.BakePlan;
import dev.llmqa.site.Page;
import dev.llmqa.site.BodyParts;
import dev.llmqa.site.Written;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keys say which outputs an edit touches, and a manifest is trusted only when it is whole, ours and true. */
class KeysTest {

    private static final BodyParts BODY = new BodyParts(List.of("block\0<p>body</p>"), "");

    @TempDir
    Path root;

    @BeforeEach
    void project() {
        Fixtures.write(root.resolve("templates/page.ftl"), "${content.body}");
        Fixtures.write(root.resolve("templates/assets/site.css"), "body {}");
        page("one", "title=One\ntype=page\nstatus=published\n~~~~~~\nFirst.\n");
        page("two", "title=Two\ntype=page\nstatus=published\n~~~~~~\nSecond.\n");
    }

    private void page(String name, String text) {
        Fixtures.write(root.resolve("content/" + name + ".md"), text);
    }

    private Map<String, String> keys() throws Exception {
        SiteConfig config = SiteConfig.of(root, Map.of());
        List<Page> pages = Pipeline.scan(config, Progress.SILENT).pages();
        TemplateFiles templates = TemplateFiles.read(config.templates());
        String shared = Keys.shared(config, templates);
        boolean dates = templates.showDates();
        boolean bodies = templates.showBodies();
        Map<String, String> bodyKeys = new LinkedHashMap<>();
        for (Page page : pages) {
            bodyKeys.put(page.uri(), Keys.body(page, BODY));
        }
        String navigation = Keys.navigation(pages, dates, bodies ? bodyKeys : Map.of());
        Map<String, String> keys = new LinkedHashMap<>();
        for (Page page : pages) {
            keys.put(page.uri(), Keys.page(shared, navigation, page, bodyKeys.get(page.uri()), dates));
        }
        keys.put("listings", Keys.listings(shared, navigation));
        return keys;
    }

    private static Set<String> changed(Map<String, String> before, Map<String, String> after) {
        Set<String> changed = new java.util.TreeSet<>(before.keySet());
        changed.removeIf(output -> before.get(output).equals(after.get(output)));
        return changed;
    }

    @Test
    void the_same_tree_gives_the_same_keys() throws Exception {
        assertThat(keys()).isEqualTo(keys());
    }

    @Test
    void a_prose_edit_changes_only_its_pages_key() throws Exception {
        Map<String, String> before = keys();
        page("one", "title=One\ntype=page\nstatus=published\n~~~~~~\nFirst, edited.\n");
        assertThat(changed(before, keys())).containsExactly("one.html");
    }

    @Test
    void a_title_changes_every_key_as_every_page_may_list_it() throws Exception {
        Map<String, String> before = keys();
        page("one", "title=One, renamed\ntype=page\nstatus=published\n~~~~~~\nFirst.\n");
        assertThat(changed(before, keys())).containsExactly("listings", "one.html", "two.html");
    }

    @Test
    void a_template_changes_every_key_and_an_asset_none_unless_a_template_names_assets() throws Exception {
        Map<String, String> before = keys();
        Fixtures.write(root.resolve("templates/assets/site.css"), "body { margin: 0 }");
        assertThat(changed(before, keys())).isEmpty();
        Fixtures.write(root.resolve("templates/page.ftl"), "<#include \"assets/site.css\">${content.body}");
        Map<String, String> including = keys();
        assertThat(changed(before, including)).containsExactly("listings", "one.html", "two.html");
        Fixtures.write(root.resolve("templates/assets/site.css"), "body { margin: 1px }");
        assertThat(changed(including, keys())).containsExactly("listings", "one.html", "two.html");
    }

    @Test
    void a_file_time_counts_only_when_a_template_shows_dates() throws Exception {
        Map<String, String> before = keys();
        Files.setLastModifiedTime(root.resolve("content/one.md"), FileTime.fromMillis(1_000_000));
        assertThat(changed(before, keys())).isEmpty();
        Fixtures.write(root.resolve("templates/page.ftl"), "${content.date?string(\"yyyy\")} ${content.body}");
        Map<String, String> dated = keys();
        Files.setLastModifiedTime(root.resolve("content/one.md"), FileTime.fromMillis(2_000_000_000));
        assertThat(changed(dated, keys())).containsExactly("listings", "one.html", "two.html");
    }

    @Test
    void a_file_time_counts_when_a_template_lists_pages_in_jbakes_order_by_date() throws Exception {
        Fixtures.write(root.resolve("templates/page.ftl"),
                "<#list published_pages?sort_by(\"title\") as p>${p.title}</#list>${content.body}");
        Map<String, String> sorted = keys();
        Files.setLastModifiedTime(root.resolve("content/one.md"), FileTime.fromMillis(1_000_000));
        assertThat(changed(sorted, keys())).isEmpty();
        Fixtures.write(root.resolve("templates/page.ftl"), "<#list published_pages as p>${p.title}</#list>${content.body}");
        Map<String, String> unsorted = keys();
        Files.setLastModifiedTime(root.resolve("content/one.md"), FileTime.fromMillis(2_000_000_000));
        assertThat(changed(unsorted, keys())).containsExactly("listings", "one.html", "two.html");
    }

    @Test
    void a_changed_rendering_changes_the_key_though_the_source_did_not() throws Exception {
        SiteConfig config = SiteConfig.of(root, Map.of());
        Page one = Pipeline.scan(config, Progress.SILENT).pages().get(0);
        String shared = Keys.shared(config, TemplateFiles.read(config.templates()));
        String navigation = Keys.navigation(List.of(one), false, Map.of());
        String key = Keys.page(shared, navigation, one, Keys.body(one, BODY), false);
        assertThat(key).isNotEqualTo(Keys.page(shared, navigation, one,
                Keys.body(one, new BodyParts(List.of("block\0<pre>a snippet printed 2</pre>"), "")), false));
        assertThat(key).isNotEqualTo(Keys.page(shared, navigation, one,
                Keys.body(one, new BodyParts(BODY.parts(), "one.jsh")), false));
    }

    @Test
    void a_body_changes_every_key_when_a_template_shows_other_pages_bodies() throws Exception {
        Fixtures.write(root.resolve("templates/feed.ftl"), "<#list published_pages?sort_by(\"uri\") as p>${p.body}</#list>");
        Map<String, String> before = keys();
        page("one", "title=One\ntype=page\nstatus=published\n~~~~~~\nFirst, edited.\n");
        assertThat(changed(before, keys())).containsExactly("listings", "one.html", "two.html");
    }

    @Test
    void only_its_own_body_and_the_html_body_tag_do_not_count_as_showing_bodies() throws Exception {
        Fixtures.write(root.resolve("templates/page.ftl"), "<html><body class=\"x\">${content.body}</body></html>");
        assertThat(TemplateFiles.read(root.resolve("templates")).showBodies()).isFalse();
        Fixtures.write(root.resolve("templates/page.ftl"), "<#list published_pages as p>${p.body}</#list>");
        assertThat(TemplateFiles.read(root.resolve("templates")).showBodies()).isTrue();
    }

    // the manifest: kept only when whole, of this format and this site, and the file is still the one it wrote

    private SiteConfig written(String html) throws Exception {
        SiteConfig config = SiteConfig.of(root, Map.of());
        Fixtures.write(config.out().resolve("one.html"), html);
        Written.File read = new Written.File(Set.of("top"), List.of(), List.of());
        ManifestFile.write(config, new Manifest(Manifest.FORMAT, config.out().toString(), "L",
                Map.of("one.html", new Manifest.Entry("K", Digest.ofFile(config.out().resolve("one.html")), read)),
                Map.of()));
        return config;
    }

    private static BakePlan plan(SiteConfig config) throws Exception {
        return Keep.plan(config, Map.of("one.html", "K"), "L");
    }

    @Test
    void a_page_with_its_key_unchanged_is_kept_with_what_was_read_from_it() throws Exception {
        BakePlan plan = plan(written("<p>one</p>"));
        assertThat(plan.pagesToBake()).isEmpty();
        assertThat(plan.kept().get("one.html").written().ids()).containsExactly("top");
        assertThat(plan.nothingToBake()).isTrue();
    }

    @Test
    void a_new_key_a_changed_file_or_no_cache_bakes_the_page() throws Exception {
        SiteConfig config = written("<p>one</p>");
        assertThat(Keep.plan(config, Map.of("one.html", "K2"), "L").pagesToBake())
                .containsExactly("one.html");
        assertThat(plan(config.withCache(false)).pagesToBake()).containsExactly("one.html");
        Fixtures.write(config.out().resolve("one.html"), "<p>edited by hand</p>");
        assertThat(plan(config).pagesToBake()).containsExactly("one.html");
    }

    @Test
    void changed_listings_are_baked_again() throws Exception {
        SiteConfig config = written("<p>one</p>");
        assertThat(plan(config).bakeListings()).isFalse();
        assertThat(Keep.plan(config, Map.of("one.html", "K"), "L2").bakeListings()).isTrue();
    }

    @Test
    void a_damaged_manifest_or_one_of_another_format_or_site_keeps_nothing() throws Exception {
        SiteConfig config = written("<p>one</p>");
        Path file = ManifestFile.of(config);
        String text = Files.readString(file);
        Files.writeString(file, text.substring(0, text.length() / 2));
        assertThat(plan(config).kept()).isEmpty();
        Files.writeString(file, text.replace("\"format\":" + Manifest.FORMAT, "\"format\":" + (Manifest.FORMAT + 1)));
        assertThat(plan(config).kept()).isEmpty();
        Files.writeString(file, text);
        assertThat(plan(config).kept()).containsOnlyKeys("one.html");
        assertThat(plan(config.withOut(root.resolve("elsewhere"))).kept()).isEmpty();
    }
}
