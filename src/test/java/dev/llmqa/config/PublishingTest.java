package dev.llmqa.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqa.Fixtures;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishingTest {

    @TempDir
    Path root;

    @Test
    void unknown_without_configuration_or_github_actions() {
        assertThat(Publishing.resolve(root, Map.of())).isEqualTo(new Publishing("", ""));
    }

    @Test
    void github_actions_give_the_pages_address_and_the_edit_url() {
        assertThat(Publishing.resolve(root, Map.of("GITHUB_REPOSITORY", "Acme/llmqa", "GITHUB_SERVER_URL", "https://github.com",
                "GITHUB_REF_NAME", "main"))).isEqualTo(new Publishing("https://acme.github.io/llmqa/",
                "https://github.com/Acme/llmqa/edit/main/"));
    }

    @Test
    void jbake_properties_win_and_get_a_trailing_slash() {
        Fixtures.write(root.resolve("jbake.properties"), "site.host=https://docs.example.org\nsite.edit=https://git.example.org/e\n");
        assertThat(Publishing.resolve(root, Map.of("GITHUB_REPOSITORY", "acme/llmqa")))
                .isEqualTo(new Publishing("https://docs.example.org/", "https://git.example.org/e/"));
    }
}
