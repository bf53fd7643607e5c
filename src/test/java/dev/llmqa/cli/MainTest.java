package dev.llmqa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqa.Fixtures;
import dev.llmqa.WarmTools;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The command line; the tests that build (tagged integration) share warm snippet JVMs, KaTeX and highlight.js. */
class MainTest {

    @RegisterExtension
    static final WarmTools TOOLS = WarmTools.shared();

    @TempDir
    Path root;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), TOOLS.kept());
    }

    @Test
    @Tag("integration")
    void build_prints_one_line_per_stage_and_writes_the_site() {
        Fixtures.copy("basic", root);
        assertThat(run("build", "--root", root.toString())).isEqualTo(0);
        assertThat(out.toString()).containsPattern("(?m)^  scan +5 pages, 4 code blocks +\\d+ ms$")
                .containsPattern("(?m)^  render ").containsPattern("(?m)^  output check ").containsPattern("(?m)^  publish ")
                .containsPattern("(?m)^built site/ in \\d+\\.\\d s$");
        assertThat(err.toString()).isEmpty();
        assertThat(root.resolve("site/index.html")).isNotEmptyFile();
    }

    @Test
    @Tag("integration")
    void a_build_with_nothing_changed_runs_no_stage_and_leaves_the_site_as_it_was() throws Exception {
        Fixtures.copy("basic", root);
        assertThat(run("build", "-q", "--root", root.toString())).isEqualTo(0);
        Map<String, String> before = Fixtures.fingerprint(root.resolve("site"));

        assertThat(run("build", "--root", root.toString())).isEqualTo(0);
        assertThat(out.toString()).containsPattern("(?m)^  up to date +nothing changed since the last build, site/ kept +\\d+ ms$")
                .containsPattern("(?m)^site/ is up to date \\(\\d+\\.\\d s\\)$").doesNotContain("  scan ");
        assertThat(run("check", "--root", root.toString())).isEqualTo(0);
        assertThat(out.toString()).containsPattern("(?m)^  up to date +nothing changed since the last build +\\d+ ms$")
                .containsPattern("(?m)^checked in \\d+\\.\\d s: no problems$");
        assertThat(Fixtures.fingerprint(root.resolve("site"))).isEqualTo(before);

        java.nio.file.Files.delete(root.resolve("site/index.html"));
        out.getBuffer().setLength(0);
        assertThat(run("build", "--root", root.toString())).isEqualTo(0);
        assertThat(out.toString()).as("a file of the site deleted").contains("  render ").doesNotContain("up to date");
        assertThat(Fixtures.fingerprint(root.resolve("site"))).isEqualTo(before);
        out.getBuffer().setLength(0);
        assertThat(run("build", "--no-cache", "--root", root.toString())).isEqualTo(0);
        assertThat(out.toString()).as("--no-cache builds").contains("  scan ").doesNotContain("up to date");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    @Tag("integration")
    void header_errors_fail_with_a_numbered_list_exit_1_and_the_site_unchanged() {
        Fixtures.copy("basic", root);
        assertThat(run("build", "-q", "--root", root.toString())).isEqualTo(0);
        Map<String, String> before = Fixtures.fingerprint(root.resolve("site"));
        Fixtures.write(root.resolve("content/questions/01-first.md"),
                "type=question\nstatus=publishd\norder=2\nsummary=S.\n~~~~~~\nText.\n");

        assertThat(run("build", "-q", "--root", root.toString())).isEqualTo(1);

        assertThat(err.toString()).isEqualTo(String.join(System.lineSeparator(),
                "build failed with 3 problems:",
                "  1. content/questions/01-first.md:1: the header has no title",
                "       hint: Add a line title=What is the KV cache? above the ~~~~~~ line (line 5).",
                "  2. content/questions/01-first.md:2: unknown status 'publishd'",
                "       hint: Did you mean 'published'? Use status=published or status=draft.",
                "  3. content/questions/02-second.md:4: order=2 is already used by content/questions/01-first.md:3",
                "       hint: Give each question its own order; the next free one is 1.",
                "site/ was left as it was.", ""));
        assertThat(Fixtures.fingerprint(root.resolve("site"))).isEqualTo(before);
    }

    @Test
    @Tag("integration")
    void quiet_prints_nothing_on_success() {
        Fixtures.copy("basic", root);
        assertThat(run("-q", "build", "--root", root.toString())).isEqualTo(0);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    @Tag("integration")
    void build_out_writes_elsewhere() {
        Fixtures.copy("basic", root);
        Path elsewhere = root.resolve("public");
        assertThat(run("build", "--root", root.toString(), "--out", elsewhere.toString())).isEqualTo(0);
        assertThat(elsewhere.resolve("index.html")).isNotEmptyFile();
        assertThat(root.resolve("site")).doesNotExist();
    }

    @Test
    @Tag("integration")
    void check_reports_without_writing_the_site() {
        Fixtures.copy("basic", root);
        assertThat(run("check", "--root", root.toString())).isEqualTo(0);
        assertThat(out.toString()).contains("checked in").doesNotContainPattern("(?m)^  publish ");
        assertThat(root.resolve("site")).doesNotExist();
    }

    @Test
    void version_names_the_tool_and_java() {
        assertThat(run("--version")).isEqualTo(0);
        assertThat(out.toString()).startsWith("llmqa ").contains("Java ");
    }

    /** picocli is given the command named (past the global options and --root's folder), else all and help. */
    @Test
    void only_the_named_command_is_modelled() {
        assertThat(Main.commands(new String[] {"-q", "--root", "build", "check", "--no-cache"}))
                .containsExactly(CheckCommand.class);
        assertThat(Main.commands(new String[] {"--root=x", "-v", "serve"})).containsExactly(ServeCommand.class);
        assertThat(Main.commands(new String[] {"frob"})).hasSize(6).contains(picocli.CommandLine.HelpCommand.class);
        assertThat(Main.commands(new String[] {"--help"})).hasSize(6);
        assertThat(Main.commands(new String[] {"help", "build"})).hasSize(6);
    }

    /** --version alone answers without picocli: exactly what picocli prints for it with another option beside. */
    @Test
    void version_alone_prints_what_picocli_prints() {
        assertThat(run("-q", "--version")).isEqualTo(0);
        String picocli = out.toString();
        out.getBuffer().setLength(0);
        assertThat(run("--version")).isEqualTo(0);
        assertThat(out.toString()).isEqualTo(picocli).hasLineCount(2);
        out.getBuffer().setLength(0);
        assertThat(run("-V")).isEqualTo(0);
        assertThat(out.toString()).isEqualTo(picocli);
    }

    @Test
    void help_lists_the_commands_and_exit_codes() {
        assertThat(run("--help")).isEqualTo(0);
        assertThat(out.toString()).contains("build", "serve", "check", "--quiet", "--verbose", "Exit codes:");
    }

    @Test
    void an_unknown_option_is_a_usage_error() {
        assertThat(run("build", "--frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--frobnicate'");
    }
}
