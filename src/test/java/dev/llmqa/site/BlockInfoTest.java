package dev.llmqa.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BlockInfoTest {

    @Test
    void kind_flags_and_attributes_are_split() {
        BlockInfo info = BlockInfo.parse("java norun include=08-kv-cache.jsh#kv-formula timeout=5");
        assertThat(info.kind()).isEqualTo("java");
        assertThat(info.flags()).containsExactly("norun");
        assertThat(info.attributes()).containsEntry("include", "08-kv-cache.jsh#kv-formula").containsEntry("timeout", "5");
    }

    @Test
    void quoted_values_keep_their_spaces() {
        BlockInfo info = BlockInfo.parse("mermaid title=\"How the cache grows\" theme=dark");
        assertThat(info.attribute("title")).contains("How the cache grows");
        assertThat(info.attribute("theme")).contains("dark");
    }

    @Test
    void an_empty_info_string_has_no_kind() {
        assertThat(BlockInfo.parse("").kind()).isEmpty();
        assertThat(BlockInfo.parse(null).kind()).isEmpty();
    }
}
