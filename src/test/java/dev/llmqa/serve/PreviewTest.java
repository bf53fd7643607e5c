package dev.llmqa.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqa.Fixtures;
import dev.llmqa.WarmTools;
import dev.llmqa.build.Progress;
import dev.llmqa.config.SiteConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class PreviewTest {

    /**
     * The previews' kept tools: one snippet JVM that does not warm up (the fixture has a few snippets), kept for the
     * class; each preview closes its JavaScript engine, as the command's closes all its tools.
     */
    @RegisterExtension
    static final WarmTools TOOLS = new WarmTools(1, false);

    @TempDir
    Path root;

    private static Preview preview(SiteConfig config, Progress progress) throws java.io.IOException {
        return new Preview(config, 0, progress, line -> { }, TOOLS.kept());
    }

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_saved_edit_is_rebuilt_served_and_announced_to_open_pages() throws Exception {
        Fixtures.copy("basic", root);
        try (Preview preview = preview(SiteConfig.of(root), Progress.SILENT)) {
            HttpResponse<String> page = get(preview.url() + "about.html");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("A page with").contains("EventSource('/__llmqa/events')");

            CompletableFuture<String> event = firstEvent(preview.url() + "__llmqa/events");
            int builds = preview.builds();
            Fixtures.write(root.resolve("content/about.md"), "title=About\ntype=page\nstatus=published\n~~~~~~\nEdited text.\n");

            assertThat(event.get(20, TimeUnit.SECONDS)).isEqualTo("event: reload");
            assertThat(preview.builds()).isGreaterThan(builds);
            assertThat(get(preview.url() + "about.html").body()).contains("Edited text.");
        }
    }

    @Test
    void a_saved_edit_re_renders_only_the_page_it_changed() throws Exception {
        Fixtures.copy("basic", root);
        java.util.List<String> renders = new java.util.concurrent.CopyOnWriteArrayList<>();
        Progress progress = (stage, summary, took) -> {
            if (stage.equals("render")) {
                renders.add(summary);
            }
        };
        try (Preview preview = preview(SiteConfig.of(root), progress)) {
            String home = java.nio.file.Files.readString(root.resolve("site/index.html"));
            CompletableFuture<String> event = firstEvent(preview.url() + "__llmqa/events");
            Fixtures.write(root.resolve("content/about.md"), "title=About the fixture\ntype=page\nstatus=published\n~~~~~~\nEdited text.\n");

            assertThat(event.get(20, TimeUnit.SECONDS)).isEqualTo("event: reload");
            // the save's rebuild bakes the one page (a second event for the same save bakes none)
            assertThat(renders.subList(1, renders.size())).anyMatch(r -> r.startsWith("1 pages baked, "))
                    .allMatch(r -> r.startsWith("1 pages baked, ") || r.startsWith("0 pages baked, "));
            assertThat(get(preview.url() + "about.html").body()).contains("Edited text.");
            assertThat(java.nio.file.Files.readString(root.resolve("site/index.html"))).isEqualTo(home);
        }
    }

    @Test
    void a_broken_edit_keeps_the_last_good_site_and_sends_the_problems() throws Exception {
        Fixtures.copy("basic", root);
        try (Preview preview = preview(SiteConfig.of(root), Progress.SILENT)) {
            CompletableFuture<String> event = firstEvent(preview.url() + "__llmqa/events");
            Fixtures.write(root.resolve("content/about.md"), "title=About\ntype=page\nstatus=nope\n~~~~~~\nBroken.\n");

            assertThat(event.get(20, TimeUnit.SECONDS)).isEqualTo("event: problems");
            assertThat(get(preview.url() + "about.html").body()).contains("A page with");
        }
    }

    @Test
    void paths_outside_the_site_and_missing_files_are_refused() throws Exception {
        Fixtures.copy("basic", root);
        try (Preview preview = preview(SiteConfig.of(root), Progress.SILENT)) {
            assertThat(get(preview.url() + "nothing-here.html").statusCode()).isEqualTo(404);
            assertThat(get(preview.url() + "%2e%2e/content/about.md").statusCode()).isIn(403, 404);
            assertThat(get(preview.url()).body()).contains("Fixture home");
        }
    }

    /** Connects to the event stream and completes with the first "event:" line. */
    private static CompletableFuture<String> firstEvent(String url) throws Exception {
        HttpURLConnectionReader reader = new HttpURLConnectionReader(url);
        return CompletableFuture.supplyAsync(reader::firstEvent);
    }

    private static final class HttpURLConnectionReader {
        private final BufferedReader lines;

        HttpURLConnectionReader(String url) throws Exception {
            java.net.HttpURLConnection connection = (java.net.HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setReadTimeout((int) Duration.ofSeconds(30).toMillis());
            lines = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8));
            assertThat(lines.readLine()).isEqualTo(": connected");
        }

        String firstEvent() {
            try {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("event: ")) {
                        return line;
                    }
                }
                return "closed";
            } catch (java.io.IOException e) {
                return "error: " + e;
            }
        }
    }
}
