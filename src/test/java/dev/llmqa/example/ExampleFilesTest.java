package dev.llmqa.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqa.Fixtures;
import dev.llmqa.problem.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExampleFilesTest {

    @TempDir
    Path root;

    private String refused(String name) {
        ExampleFiles files = new ExampleFiles(root.resolve("examples"));
        ExampleFiles.Read read = files.read(name, "content/a.md", 7);
        assertThat(read.ok()).isFalse();
        return read.problem().location() + ": " + read.problem().message();
    }

    @Test
    void a_file_inside_examples_is_read() {
        Fixtures.write(root.resolve("examples/a.jsh"), "int x = 1;\n");
        ExampleFiles.Read read = new ExampleFiles(root.resolve("examples")).read("a.jsh", "content/a.md", 7);
        assertThat(read.ok()).isTrue();
        assertThat(read.shownPath()).isEqualTo("examples/a.jsh");
    }

    @Test
    void parent_and_absolute_paths_are_refused() {
        Fixtures.write(root.resolve("examples/a.jsh"), "");
        assertThat(refused("../pom.xml")).isEqualTo("content/a.md:7: example path '../pom.xml' leaves examples/");
        assertThat(refused("/etc/passwd")).isEqualTo("content/a.md:7: example path '/etc/passwd' leaves examples/");
    }

    @Test
    void a_symlink_out_of_examples_is_refused() throws Exception {
        Fixtures.write(root.resolve("secret.txt"), "password");
        Files.createDirectories(root.resolve("examples"));
        Files.createSymbolicLink(root.resolve("examples/link.jsh"), root.resolve("secret.txt"));
        assertThat(refused("link.jsh")).isEqualTo("content/a.md:7: example file examples/link.jsh links outside examples/");
    }

    @Test
    void a_missing_file_suggests_a_close_name() {
        Fixtures.write(root.resolve("examples/08-kv-cache.jsh"), "");
        ExampleFiles.Read read = new ExampleFiles(root.resolve("examples")).read("08-kv-cahce.jsh", "content/a.md", 7);
        Problem problem = read.problem();
        assertThat(problem.message()).isEqualTo("example file examples/08-kv-cahce.jsh does not exist");
        assertThat(problem.hint()).isEqualTo("Create it, or fix the name (did you mean 08-kv-cache.jsh?).");
    }
}
