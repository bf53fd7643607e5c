package dev.llmqa.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqa.Fixtures;
import dev.llmqa.WarmTools;
import dev.llmqa.build.Pipeline;
import dev.llmqa.build.Progress;
import dev.llmqa.config.SiteConfig;
import dev.llmqa.problem.BuildFailed;
import dev.llmqa.problem.Problem;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class LinkCheckTest {

    @RegisterExtension
    static final WarmTools TOOLS = WarmTools.shared();

    @TempDir
    Path root;

    @Test
    void broken_links_and_anchors_are_named_at_their_markdown_line() {
        Fixtures.copy("basic", root);
        Fixtures.write(root.resolve("content/about.md"), "title=A\ntype=page\nstatus=published\n~~~~~~\n"
                + "See [the first](questions/01-first.html#a-section) question.\n\n"
                + "But [this](questions/01-first.md) is the source,\nand [that](questions/01-first.html#nope) has no anchor.\n");
        BuildFailed failed = (BuildFailed) org.assertj.core.api.Assertions.catchThrowable(
                () -> Pipeline.standard(true, Progress.SILENT, TOOLS.kept()).run(SiteConfig.of(root)));
        assertThat(failed).isNotNull();
        assertThat(failed.problems()).extracting(Problem::location, Problem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("content/about.md:7",
                        "broken link: questions/01-first.md is not a file of the site"),
                org.assertj.core.groups.Tuple.tuple("content/about.md:8",
                        "broken anchor: questions/01-first.html#nope has no element with id 'nope'"));
        assertThat(root.resolve("site")).doesNotExist();
    }
}
