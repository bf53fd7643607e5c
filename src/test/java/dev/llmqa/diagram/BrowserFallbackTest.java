package dev.llmqa.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqa.Fixtures;
import dev.llmqa.WarmTools;
import dev.llmqa.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A project without the Mermaid CLI and with a diagram not in the store: drawn in the browser, from our own copy. */
@Tag("integration")
class BrowserFallbackTest {

    @RegisterExtension
    static final WarmTools TOOLS = WarmTools.shared();

    @TempDir
    Path root;

    private int build(StringWriter err, String... extra) {
        String[] args = new String[3 + extra.length];
        args[0] = "build";
        args[1] = "--root";
        args[2] = root.toString();
        System.arraycopy(extra, 0, args, 3, extra.length);
        return Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err, true), TOOLS.kept());
    }

    private void withoutStoredSvgs() throws java.io.IOException {
        Fixtures.copy("basic", root);
        dev.llmqa.build.Folders.delete(root.resolve("diagrams"));
    }

    @Test
    void the_diagram_is_drawn_in_the_browser_with_a_warning_at_its_line() throws Exception {
        withoutStoredSvgs();
        StringWriter err = new StringWriter();
        assertThat(build(err)).isZero();
        assertThat(err.toString()).startsWith("warning: content/questions/01-first.md:22: this diagram has no stored SVG");
        String page = Files.readString(root.resolve("site/questions/01-first.html"));
        assertThat(page).contains("<pre class=\"mermaid\">flowchart LR", "<script src=\"../js/mermaid.min.js\"></script>");
        assertThat(root.resolve("site/js/mermaid.min.js")).isNotEmptyFile();
        assertThat(Files.readString(root.resolve("site/about.html"))).doesNotContain("mermaid.min.js");
    }

    @Test
    void strict_diagrams_fail_the_build_instead() throws Exception {
        withoutStoredSvgs();
        StringWriter err = new StringWriter();
        assertThat(build(err, "--strict-diagrams")).isEqualTo(1);
        assertThat(err.toString()).contains("1. content/questions/01-first.md:22: this diagram has no stored SVG");
        assertThat(root.resolve("site")).doesNotExist();
    }
}
