package dev.llmqa.snippet.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which archive a worker's options get: none without jars, another one for another jar, JDK or flags. */
class ClassDataArchiveKeyTest {

    @TempDir
    Path folder;

    private WorkerOptions options(Path classPath, List<String> flags) {
        return new WorkerOptions(WorkerOptions.defaults().java(), classPath.toString(), flags, 500);
    }

    private Path jar(String name, String content) throws IOException {
        Path jar = folder.resolve(name);
        Files.writeString(jar, content);
        return jar;
    }

    @Test
    void a_class_path_with_a_folder_gets_no_archive_the_jvm_would_refuse_to_write() throws IOException {
        Path classes = Files.createDirectories(folder.resolve("classes"));
        Path jar = jar("a.jar", "a");

        assertThat(ClassDataArchive.in(folder, options(classes, List.of()))).isEmpty();
        assertThat(ClassDataArchive.in(folder, options(Path.of(jar + java.io.File.pathSeparator + classes), List.of())))
                .isEmpty();
        assertThat(ClassDataArchive.in(null, options(jar, List.of()))).isEmpty();
        assertThat(ClassDataArchive.in(folder, options(jar, List.of()))).isPresent();
    }

    @Test
    void the_same_jar_and_flags_get_the_same_file_in_the_folder() throws IOException {
        Path jar = jar("a.jar", "a");

        Path first = ClassDataArchive.in(folder, options(jar, List.of("-Xmx256m"))).orElseThrow().file();
        Path again = ClassDataArchive.in(folder, options(jar, List.of("-Xmx256m"))).orElseThrow().file();

        assertThat(again).isEqualTo(first);
        assertThat(first.getParent()).isEqualTo(folder);
        assertThat(first.getFileName().toString()).matches("worker-[0-9a-f]{20}\\.jsa");
    }

    @Test
    void a_changed_jar_other_flags_or_another_jar_get_another_archive() throws IOException {
        Path jar = jar("a.jar", "a");
        Path before = ClassDataArchive.in(folder, options(jar, List.of())).orElseThrow().file();

        Path otherFlags = ClassDataArchive.in(folder, options(jar, List.of("-Xmx512m"))).orElseThrow().file();
        Path otherJar = ClassDataArchive.in(folder, options(jar("b.jar", "a"), List.of())).orElseThrow().file();
        Files.writeString(jar, "a, rebuilt");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5000));
        Path rebuilt = ClassDataArchive.in(folder, options(jar, List.of())).orElseThrow().file();

        assertThat(List.of(otherFlags, otherJar, rebuilt)).doesNotContain(before).doesNotHaveDuplicates();
    }

    @Test
    void options_that_already_map_an_archive_get_no_other() throws IOException {
        Path jar = jar("a.jar", "a");

        assertThat(ClassDataArchive.in(folder, options(jar, List.of()).sharing(folder.resolve("given.jsa")))).isEmpty();
    }

    @Test
    void an_archive_without_its_digest_or_with_another_is_not_used_and_is_deleted() throws IOException {
        ClassDataArchive archive = ClassDataArchive.in(folder, options(jar("a.jar", "a"), List.of())).orElseThrow();
        Files.writeString(archive.file(), "not an archive");
        assertThat(archive.usable()).isFalse();
        assertThat(archive.file()).doesNotExist();

        Files.writeString(archive.file(), "not an archive");
        Files.writeString(archive.file().resolveSibling(archive.file().getFileName() + ".sha256"), "0".repeat(64) + "\n");
        assertThat(archive.usable()).isFalse();
        assertThat(archive.file()).doesNotExist();
    }

    @Test
    void an_archive_with_its_digest_is_usable() throws Exception {
        ClassDataArchive archive = ClassDataArchive.in(folder, options(jar("a.jar", "a"), List.of())).orElseThrow();
        Files.writeString(archive.file(), "archive bytes");
        String digest = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest("archive bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Files.writeString(archive.file().resolveSibling(archive.file().getFileName() + ".sha256"), digest + "\n");

        assertThat(archive.usable()).isTrue();
    }
}
