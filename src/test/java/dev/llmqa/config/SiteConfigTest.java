package dev.llmqa.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where a project's outputs go, whichever way its root was named. */
class SiteConfigTest {

    @Test
    void a_relative_root_puts_the_site_and_the_cache_inside_it_once() {
        Path root = Path.of("some", "project");
        SiteConfig config = SiteConfig.of(root, Map.of());
        Path absolute = root.toAbsolutePath().normalize();
        assertThat(config.root()).isEqualTo(absolute);
        assertThat(config.out()).isEqualTo(absolute.resolve("site"));
        assertThat(config.cache()).isEqualTo(absolute.resolve(".llmqa/cache"));
    }

    @Test
    void an_absolute_root_gives_the_same_places() {
        Path root = Path.of("some", "project").toAbsolutePath();
        assertThat(SiteConfig.of(root, Map.of()).out()).isEqualTo(root.resolve("site"));
        assertThat(SiteConfig.of(root, Map.of()).cache()).isEqualTo(root.resolve(".llmqa/cache"));
    }
}
