package dev.llmqa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqa.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ./llmqa launcher on the packaged jar: its first check lists the classes it loads and leaves a static
 * class-data archive beside the jar that later runs map (picocli's Java 5 classes included, which an archive made at
 * exit cannot hold); an unusable archive is skipped without a word.
 */
@Tag("integration")
class LauncherTest {

    @TempDir
    Path work;

    @Test
    void the_first_check_leaves_an_archive_that_holds_picocli_and_later_runs_use_it() throws Exception {
        Path packaged = Path.of("target/llmqa.jar").toAbsolutePath();
        assertThat(packaged).as("the integration tier runs after mvn package").isRegularFile();
        Path tool = work.resolve("tool");
        Files.createDirectories(tool);
        Path jar = Files.copy(packaged, tool.resolve("llmqa.jar"));
        Files.createSymbolicLink(tool.resolve("lib"), packaged.resolveSibling("lib"));
        Path jsa = tool.resolve("llmqa.jsa");

        assertThat(launch(jar, "--version").out()).startsWith("llmqa ");
        assertThat(jsa).as("--version alone makes no archive").doesNotExist();

        Path project = work.resolve("project");
        Fixtures.write(project.resolve("templates/page.ftl"), "<#ftl output_format=\"HTML\">${content.body?no_esc}\n");
        Fixtures.write(project.resolve("content/index.md"), "title=Home\ntype=page\nstatus=published\n~~~~~~\nHello.\n");
        Result check = launch(jar, "check", "--root", project.toString());
        assertThat(check.status()).as(check.out()).isZero();
        assertThat(check.out()).contains("checked in ");

        Instant until = Instant.now().plus(Duration.ofMinutes(3));
        while (!(Files.isRegularFile(jsa) && listsLeft(tool).isEmpty()) && Instant.now().isBefore(until)) {
            Thread.sleep(200);
        }
        assertThat(listsLeft(tool)).as("the class list is removed once archived").isEmpty();
        assertThat(Files.size(jsa)).as("the archive").isGreaterThan(1_000_000);
        assertThat(Files.getLastModifiedTime(jsa)).isGreaterThan(Files.getLastModifiedTime(jar));

        // --help, not --version: --version alone answers without picocli
        Result mapped = java("-XX:SharedArchiveFile=" + jsa, "-Xshare:on", "-Xlog:class+load", "-jar", jar.toString(),
                "--help");
        assertThat(mapped.status()).as("-Xshare:on fails when the archive cannot be mapped: %s", mapped.out()).isZero();
        assertThat(mapped.out()).contains("picocli.CommandLine source: shared objects file",
                "dev.llmqa.cli.Main source: shared objects file");
        assertThat(launch(jar, "--version").out()).startsWith("llmqa ");

        Files.writeString(jsa, "not an archive");
        Files.setLastModifiedTime(jsa, FileTime.from(Instant.now().plusSeconds(5)));
        Result damaged = launch(jar, "--version");
        assertThat(damaged.status()).isZero();
        assertThat(damaged.out()).as("a damaged archive is skipped without a word").startsWith("llmqa ")
                .doesNotContain("error", "warning", "archive");
    }

    private static List<Path> listsLeft(Path tool) throws IOException {
        try (Stream<Path> files = Files.list(tool)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".classlist")).toList();
        }
    }

    record Result(int status, String out) {
    }

    private Result launch(Path jar, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", Path.of("llmqa").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("LLMQA_JAR", jar.toString());
        return run(builder);
    }

    private static Result java(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(args));
        return run(new ProcessBuilder(command));
    }

    private static Result run(ProcessBuilder builder) throws Exception {
        builder.redirectErrorStream(true);
        builder.environment().remove("GITHUB_ACTIONS");
        // the launcher's java is this JVM's, so the archive it makes is one this JVM can map
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + java.io.File.pathSeparator
                + System.getenv().getOrDefault("PATH", ""));
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
