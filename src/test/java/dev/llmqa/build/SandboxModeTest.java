package dev.llmqa.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmqa.Fixtures;
import dev.llmqa.WarmTools;
import dev.llmqa.config.SandboxMode;
import dev.llmqa.config.SiteConfig;
import dev.llmqa.problem.BuildFailed;
import dev.llmqa.problem.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which sandbox the build's snippets ran in is said; a required sandbox that cannot be had fails the build. */
@Tag("integration")
class SandboxModeTest {

    @TempDir
    Path root;

    /**
     * A PATH without bubblewrap on it, as on a machine that lacks it. Node is on it, as on the machine the tests
     * run on (without it the build highlights on GraalJS, inside this JVM: 10 s of CPU that test nothing here).
     */
    private SiteConfig withoutBubblewrap(String mode) throws IOException {
        Path tools = Files.createDirectories(root.resolve("no-bubblewrap"));
        Files.createSymbolicLink(tools.resolve("node"), node());
        return SiteConfig.of(root, Map.of("PATH", tools.toString(), "LLMQA_SANDBOX", mode));
    }

    private static Path node() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "node"))) {
                return Path.of(dir, "node").toAbsolutePath();
            }
        }
        throw new AssertionError("node is not on the PATH (./mvnw verify checks for it)");
    }

    /**
     * One snippet JVM, not warmed up, made for the build's settings and closed with the test: a build of the
     * fixture runs a few snippets (its own tools would start two JVMs, warm them up and make a class-data archive).
     */
    private static Pipeline build(WarmTools tools, Progress progress) {
        return Pipeline.standard(false, progress, tools.kept());
    }

    private static final class Recorded implements Progress {
        final List<String> stages = new ArrayList<>();
        final List<Problem> warnings = new ArrayList<>();

        @Override
        public void stage(String name, String summary, Duration took) {
            stages.add(name + ": " + summary);
        }

        @Override
        public void warning(Problem problem) {
            warnings.add(problem);
        }
    }

    @Test
    void a_required_sandbox_that_cannot_run_fails_the_build_and_says_what_to_do() throws IOException {
        Fixtures.copy("blocks", root);
        SiteConfig config = withoutBubblewrap("required");

        assertThatThrownBy(() -> {
                    try (WarmTools tools = new WarmTools(1, false)) {
                        build(tools, Progress.SILENT).run(config);
                    }
                })
                .isInstanceOfSatisfying(BuildFailed.class, failed -> assertThat(failed.problems().get(0).format())
                        .matches("content/\\S+\\.md: snippets must run sandboxed \\(--sandbox=required\\) but cannot: "
                                + "bwrap \\(bubblewrap\\) is not on the PATH; install it \\(apt-get install bubblewrap\\)\n"
                                + "   hint: install bubblewrap \\(apt-get install bubblewrap\\) and allow user namespaces, "
                                + "or build with --sandbox=auto to run the snippets unsandboxed"));
    }

    @Test
    void without_bubblewrap_the_build_runs_unsandboxed_and_says_so_once() throws Exception {
        Fixtures.copy("blocks", root);
        Recorded progress = new Recorded();

        try (WarmTools tools = new WarmTools(1, false)) {
            build(tools, progress).run(withoutBubblewrap("auto"));
        }

        assertThat(progress.warnings).extracting(Problem::format).containsExactly("content: snippets ran unsandboxed "
                + "(bwrap (bubblewrap) is not on the PATH; install it (apt-get install bubblewrap))\n"
                + "   hint: they could read and change whatever this user can; see README, Security");
        assertThat(progress.stages).anyMatch(line -> line.matches("execute: snippets: \\d+ pages ran unsandboxed, .*"));
    }

    @Test
    void the_summary_says_the_snippets_ran_sandboxed() throws Exception {
        Fixtures.copy("blocks", root);
        Recorded progress = new Recorded();

        try (WarmTools tools = new WarmTools(1, false)) {
            build(tools, progress).run(SiteConfig.of(root, System.getenv()).withSandbox(SandboxMode.REQUIRED));
        }

        assertThat(progress.warnings).isEmpty();
        assertThat(progress.stages).anyMatch(line -> line.matches(
                "execute: snippets: \\d+ pages ran sandboxed \\(bubblewrap\\), .*"));
    }

    @Test
    void an_unknown_sandbox_mode_is_a_usage_error() {
        java.io.StringWriter err = new java.io.StringWriter();
        int code = dev.llmqa.cli.Main.run(new String[] {"check", "--sandbox=maybe", "--root", root.toString()},
                new java.io.PrintWriter(new java.io.StringWriter(), true), new java.io.PrintWriter(err, true));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--sandbox must be auto, required or off, not 'maybe'");
    }
}
