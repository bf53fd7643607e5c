package dev.llmqa.example;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegionsTest {

    private static final String FILE = String.join("\n",
            "// helpers",
            "// @start region=\"outer\"",
            "long a() { return 1; }",
            "// @start region=\"kv-formula\"",
            "long kv() { return 2; }",
            "// @end region=\"kv-formula\"",
            "long b() { return 3; }",
            "// @end",
            "// @start region=inner",
            "int c;",
            "// @end", "");

    @Test
    void a_region_is_its_lines_without_markers() {
        assertThat(Regions.find(FILE, "kv-formula")).hasValueSatisfying(r -> {
            assertThat(r.text()).isEqualTo("long kv() { return 2; }\n");
            assertThat(r.firstLine()).isEqualTo(5);
        });
    }

    @Test
    void a_bare_end_closes_the_innermost_region_and_nested_markers_are_dropped() {
        assertThat(Regions.find(FILE, "outer").orElseThrow().text())
                .isEqualTo("long a() { return 1; }\nlong kv() { return 2; }\nlong b() { return 3; }\n");
        assertThat(Regions.find(FILE, "inner").orElseThrow().text()).isEqualTo("int c;\n");
    }

    @Test
    void a_missing_region_is_empty_and_names_are_listed() {
        assertThat(Regions.find(FILE, "nope")).isEmpty();
        assertThat(Regions.names(FILE)).containsExactly("outer", "kv-formula", "inner");
        assertThat(Regions.withoutMarkers(FILE)).doesNotContain("@start", "@end");
    }
}
