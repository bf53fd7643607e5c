package dev.llmqa.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The GitHub workflows are valid against GitHub's workflow schema (action-validator, from tools/workflows, which
 * ./mvnw verify installs; a missing validator fails the test), and every action they use is pinned to a major version.
 */
@Tag("integration")
class WorkflowsTest {

    private static final Path VALIDATOR = Path.of("tools/workflows/node_modules/.bin/action-validator");
    private static final Pattern USES = Pattern.compile("^\\s*(?:-\\s+)?uses:\\s*(\\S+)\\s*$", Pattern.MULTILINE);

    static Stream<Path> workflows() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(".github/workflows"))) {
            return files.filter(f -> f.toString().endsWith(".yml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void each_workflow_is_valid(Path workflow) throws Exception {
        Run run = validate(workflow);
        assertThat(run.code()).as(run.output()).isZero();
    }

    @Test
    void the_validator_rejects_a_broken_workflow(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.yml");
        Files.writeString(broken, "on: push\njobs:\n  test:\n    runs-on: ubuntu-24.04\n    step:\n      - run: true\n");
        Run run = validate(broken);
        assertThat(run.code()).as(run.output()).isNotZero();
        assertThat(run.output()).contains("Additional property 'step' is not allowed");
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void every_action_is_pinned_to_a_major_version(Path workflow) throws IOException {
        Matcher uses = USES.matcher(Files.readString(workflow));
        int actions = 0;
        while (uses.find()) {
            actions++;
            assertThat(uses.group(1)).as(workflow + ": uses " + uses.group(1)).matches("[\\w.-]+/[\\w.-]+@v\\d+");
        }
        assertThat(actions).as(workflow + " uses actions").isPositive();
    }

    private record Run(int code, String output) {
    }

    private static Run validate(Path workflow) throws Exception {
        assertThat(VALIDATOR).as("the workflow validator is not installed: ./mvnw verify installs it before the"
                + " integration tests; by hand: sh tools/install-test-tools.sh").isRegularFile();
        Process process = new ProcessBuilder(List.of(VALIDATOR.toAbsolutePath().toString(), workflow.toString()))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the validator finished").isTrue();
        return new Run(process.exitValue(), output);
    }
}
