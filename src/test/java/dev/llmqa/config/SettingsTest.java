package dev.llmqa.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqa.Fixtures;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser the Mermaid CLI draws with comes from tools/mermaid/puppeteer.json, else the Debian default. */
class SettingsTest {

    @TempDir
    Path root;

    private Path chromium(String json) {
        if (json != null) {
            Fixtures.write(root.resolve("tools/mermaid/puppeteer.json"), json);
        }
        return Settings.read(root, Map.of()).chromium();
    }

    @Test
    void the_executable_path_is_read_wherever_it_is_among_the_fields() {
        assertThat(chromium("{\"executablePath\": \"/opt/chrome/chrome\"}")).isEqualTo(Path.of("/opt/chrome/chrome"));
        assertThat(chromium("{\"args\": [\"--no-sandbox\", {\"x\": 1}], \"headless\": {\"mode\": \"new\"},"
                + " \"executablePath\": \"/usr/bin/chromium-browser\"}")).isEqualTo(Path.of("/usr/bin/chromium-browser"));
    }

    @Test
    void a_nested_executable_path_is_not_the_browser() {
        assertThat(chromium("{\"launch\": {\"executablePath\": \"/nested\"}}")).isEqualTo(Settings.DEFAULT_CHROMIUM);
    }

    @Test
    void no_file_a_blank_path_or_a_damaged_file_mean_the_default() {
        assertThat(chromium(null)).isEqualTo(Settings.DEFAULT_CHROMIUM);
        assertThat(chromium("{\"executablePath\": \"  \"}")).isEqualTo(Settings.DEFAULT_CHROMIUM);
        assertThat(chromium("{\"executablePath\": 7}")).isEqualTo(Settings.DEFAULT_CHROMIUM);
        assertThat(chromium("{\"executablePath\": ")).isEqualTo(Settings.DEFAULT_CHROMIUM);
        assertThat(chromium("[\"/usr/bin/x\"]")).isEqualTo(Settings.DEFAULT_CHROMIUM);
    }
}
