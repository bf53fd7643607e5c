package dev.llmqa.prose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqa.markdown.Markdown;
import dev.llmqa.problem.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypedNumbersTest {

    private static final String PAGE = "content/questions/08-kv-cache.md";

    /** Problems of a body whose header ends on line 7, so the body's first line is line 8. */
    private static List<Problem> problems(String body) {
        return TypedNumbers.find(PAGE, Markdown.parse(body), 7);
    }

    /** Each problem as {@code path:line:column: message}. */
    private static List<String> found(String body) {
        return problems(body).stream().map(p -> p.location() + ": " + p.message()).toList();
    }

    private static String at(int line, int column, String message) {
        return PAGE + ":" + line + ":" + column + ": " + message;
    }

    @Test
    void a_figure_in_prose_names_the_number_its_place_and_what_to_do() {
        assertThat(problems("Intro.\n\nQ4_K_M averages 4.80 bits per weight.\n")).extracting(Problem::format)
                .containsExactly(PAGE + ":10:17: hand-typed number \"4.80 bits\" in prose\n"
                        + "   hint: Compute it with an inline value (`= expr`) from a kernel in examples/08-kv-cache.jsh,"
                        + " or cite its source on this line with a footnote [^id].");
    }

    @Test
    void a_figure_in_a_table_is_cited_in_its_row() {
        assertThat(problems("| GPU | Bandwidth |\n|---|---|\n| H100 | 3.35 TB/s |\n")).extracting(Problem::format)
                .containsExactly(PAGE + ":10:10: hand-typed number \"3.35 TB/s\" in a table\n"
                        + "   hint: Compute it with an inline value (`= expr`) from a kernel in examples/08-kv-cache.jsh,"
                        + " or cite its source in this table row with a footnote [^id].");
    }

    @Test
    void a_figure_in_a_formula_is_written_in_symbols() {
        assertThat(problems("$$\n\\frac{989 \\times 10^{12}\\ \\text{FLOP/s}}{b}\n$$\n")).extracting(Problem::format)
                .containsExactly(PAGE + ":9:7: hand-typed number \"989 \\times 10^{12}\\ \\text{FLOP/s}\" in a formula\n"
                        + "   hint: Write the formula in symbols and give the number in the prose beside it, as an inline"
                        + " value (`= expr`) from a kernel in examples/08-kv-cache.jsh or with a footnote [^id] to its source.");
    }

    @Test
    void figures_with_a_unit_are_flagged_spaced_glued_or_with_a_rate() {
        assertThat(found("It has 68,976,648,192 parameters, 3.35 TB/s, 2.039 TB/s and one 80GB card.\n"
                + "Decode runs at 30 tokens/s, 12 ms a token, in 167 GB; 16 bits; 67.5% on MMLU; $4.60 an hour.\n"))
                .containsExactly(
                        at(8, 8, "hand-typed number \"68,976,648,192 parameters\" in prose"),
                        at(8, 35, "hand-typed number \"3.35 TB/s\" in prose"),
                        at(8, 46, "hand-typed number \"2.039 TB/s\" in prose"),
                        at(8, 65, "hand-typed number \"80GB\" in prose"),
                        at(9, 16, "hand-typed number \"30 tokens/s\" in prose"),
                        at(9, 29, "hand-typed number \"12 ms\" in prose"),
                        at(9, 47, "hand-typed number \"167 GB\" in prose"),
                        at(9, 55, "hand-typed number \"16 bits\" in prose"),
                        at(9, 64, "hand-typed number \"67.5%\" in prose"),
                        at(9, 79, "hand-typed number \"$4.60\" in prose"));
    }

    @Test
    void multipliers_are_flagged() {
        assertThat(found("It is 3× smaller, 2x faster, a 1.7× gain and 4 × more; 8-16× in MQA.\n")).containsExactly(
                at(8, 7, "hand-typed number \"3×\" in prose"),
                at(8, 19, "hand-typed number \"2x\" in prose"),
                at(8, 32, "hand-typed number \"1.7×\" in prose"),
                at(8, 46, "hand-typed number \"4 ×\" in prose"),
                at(8, 58, "hand-typed number \"16×\" in prose"));
    }

    @Test
    void four_digits_e_notation_and_measured_magnitudes_are_flagged() {
        assertThat(found("Width 8192, a ratio of 295.2, 989e12 FLOP per second, 46.7B in all, 1.4T tokens, 2048-token windows.\n"))
                .containsExactly(
                        at(8, 7, "hand-typed number \"8192\" in prose"),
                        at(8, 24, "hand-typed number \"295.2\" in prose"),
                        at(8, 31, "hand-typed number \"989e12 FLOP\" in prose"),
                        at(8, 55, "hand-typed number \"46.7B\" in prose"),
                        at(8, 69, "hand-typed number \"1.4T tokens\" in prose"),
                        at(8, 82, "hand-typed number \"2048\" in prose"));
    }

    @Test
    void figures_in_formulas_are_flagged_in_scientific_notation_with_a_unit_or_four_digits() {
        assertThat(found("With $V = 32000$ and $5.76 \\times 10^{23}$ FLOPs, $40\\%$ and $3.35\\ \\text{TB/s}$,"
                + " $L = 68{,}976$, $\\text{4.80 bits}$.\n")).containsExactly(
                        at(8, 11, "hand-typed number \"32000\" in a formula"),
                        at(8, 23, "hand-typed number \"5.76 \\times 10^{23}\" in a formula"),
                        at(8, 52, "hand-typed number \"40\\%\" in a formula"),
                        at(8, 63, "hand-typed number \"3.35\\ \\text{TB/s}\" in a formula"),
                        at(8, 88, "hand-typed number \"68{,}976\" in a formula"),
                        at(8, 106, "hand-typed number \"4.80 bits\" in a formula"));
    }

    @Test
    void formula_constants_exponents_and_products_pass() {
        assertThat(found("$$\nL = E + \\frac{406}{N^{0.34}} + 2 \\times N \\cdot 10^{12} + x_{2048} + 2^{16}\n$$\n"))
                .isEmpty();
    }

    @Test
    void names_with_digits_pass() {
        assertThat(found("H100, A100 80GB, FP16, BF16, INT4, Llama-2-70B, GPT-4o, Q4_K_M, Mixtral 8x7B, RTX 4090,"
                + " GTX 1080, Llama-2-70B's config, 0x1F.\n")).isEmpty();
    }

    @Test
    void years_arxiv_ids_versions_ordinals_and_size_classes_pass() {
        assertThat(found("In 2022 and the 1990s (arXiv:2203.15556, arXiv 2401.04088v2), flexmark 0.64.8 and v1.2.3,"
                + " the 99th percentile, a 70B model with 128K tokens and 52K examples, 7B, 1M.\n")).isEmpty();
    }

    @Test
    void adjectives_definitions_and_small_numbers_pass() {
        assertThat(found("A 4-bit, 16-bit or 512-token chunk; 2 bytes per parameter, 8 bits, 2 FLOPs, 1 token;"
                + " 80 layers, 64 heads, 0.34 and 406 steps; a 2×8 grid and 2 × 8 GPUs.\n")).isEmpty();
    }

    @Test
    void code_inline_values_html_urls_and_footnote_definitions_pass() {
        assertThat(found("The value `= gb(2 * 68_976_648_192.0)` and `4096` in code.\n\n"
                + "```java\nlong n = 68_976_648_192L; // 4.80 bits\n```\n\n"
                + "    int width = 8192;\n\n"
                + "<div data-size=\"4096 GB\">\n</div>\n\n"
                + "See <https://arxiv.org/abs/2203.15556> and <span title=\"3.35 TB/s\">this</span>.\n\n"
                + "![Chart of 4096 tokens](chart.png)\n\n"
                + "Cited.[^a]\n\n"
                + "[^a]: NVIDIA (2023). H100 datasheet: 3.35 TB/s, 989 TFLOPS, 80 GB.\n")).isEmpty();
    }

    @Test
    void a_footnote_or_a_link_on_the_same_line_covers_its_numbers() {
        assertThat(found("An H100 reads 3.35 TB/s[^h100] and does 989e12 FLOP/s ([datasheet](https://nvidia.com/h100)).\n"
                + "A 24 GB card, see https://example.com/4090.\n\n"
                + "| GPU | Bandwidth | Source |\n|---|---|---|\n| H100 | 3.35 TB/s | [^h100] |\n\n"
                + "[^h100]: NVIDIA (2023). H100 Tensor Core GPU datasheet.\n")).isEmpty();
    }

    @Test
    void a_citation_covers_only_its_own_line_and_row() {
        assertThat(found("llama.cpp's Q4_K_M averages 4.80 bits,\nor 41.4 GB[^llamacpp].\n\n"
                + "| GPU | Bandwidth |\n|---|---|\n| H100 | 3.35 TB/s |\n| A100 | 2.039 TB/s[^a100] |\n\n"
                + "[^llamacpp]: llama.cpp.\n[^a100]: NVIDIA.\n")).containsExactly(
                        at(8, 29, "hand-typed number \"4.80 bits\" in prose"),
                        at(13, 10, "hand-typed number \"3.35 TB/s\" in a table"));
    }

    @Test
    void a_footnote_that_is_not_defined_cites_nothing() {
        assertThat(found("It reads 3.35 TB/s[^nowhere].\n")).containsExactly(
                at(8, 10, "hand-typed number \"3.35 TB/s\" in prose"));
    }

    @Test
    void headings_lists_quotes_and_admonitions_are_prose() {
        assertThat(found("## Why 4× smaller\n\n- a list item of 167 GB\n\n> a quote of 1,836 tasks\n\n"
                + "!!! note \"Fact check\"\n    The common answer says 167 GB.\n")).containsExactly(
                        at(8, 8, "hand-typed number \"4×\" in prose"),
                        at(10, 18, "hand-typed number \"167 GB\" in prose"),
                        at(12, 14, "hand-typed number \"1,836\" in prose"),
                        at(15, 28, "hand-typed number \"167 GB\" in prose"));
    }
}
