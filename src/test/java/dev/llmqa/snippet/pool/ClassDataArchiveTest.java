package dev.llmqa.snippet.pool;

import static dev.llmqa.snippet.Pages.page;
import static dev.llmqa.snippet.Pages.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqa.config.SandboxMode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker JVMs' class-data archive on real JVMs: made by the first pool, mapped by the next pools' workers (in
 * the sandbox too), and a damaged or unfit archive never breaks a page. The JVM archives classes from jars only, so
 * the workers here run from a jar of the worker's classes.
 */
@Tag("integration")
class ClassDataArchiveTest {

    /** A snippet that prints whether its JVM has the archive mapped (the JVM maps the file's regions). */
    private static final String MAPPED = "System.out.println(java.nio.file.Files.readString(java.nio.file.Path.of("
            + "\"/proc/self/maps\")).contains(\"/worker-\") ? \"mapped\" : \"not mapped\");";

    @TempDir
    static Path jarFolder;
    private static WorkerOptions options;
    /** The folder of the archive made once. */
    private static Path made;

    @TempDir
    Path archives;

    @BeforeAll
    static void workerJar() throws IOException {
        Path jar = jarFolder.resolve("worker.jar");
        jarOf(Path.of(WorkerOptions.defaults().classPath()), jar);
        List<String> jvm = new ArrayList<>(WorkerOptions.DEFAULT_JVM_OPTIONS);
        jvm.add("-Dllmqa.worker.warmUpSessions=0");
        options = new WorkerOptions(WorkerOptions.defaults().java(), jar.toString(), jvm, 500);
        made = jarFolder.resolve("made");
        pageIn(SandboxMode.OFF, made);
    }

    /**
     * An archive as the first pool makes it (made once, in {@link #workerJar}): the tests about what later pools do
     * with an archive start from a copy instead of making their own.
     */
    private void copyOfMadeArchive() throws IOException {
        try (Stream<Path> files = Files.list(made)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, archives.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        onlyArchive();
    }

    @Test
    void the_first_pool_makes_the_archive_and_later_pools_map_it_unchanged() throws IOException {
        String first = pageIn(SandboxMode.OFF);
        Path archive = onlyArchive();
        FileTime made = Files.getLastModifiedTime(archive);

        String second = pageIn(SandboxMode.OFF);
        String third = pageIn(SandboxMode.OFF);

        assertThat(first).isEqualTo("not mapped\n");
        assertThat(second).isEqualTo("mapped\n");
        assertThat(third).isEqualTo("mapped\n");
        assertThat(onlyArchive()).isEqualTo(archive);
        assertThat(Files.getLastModifiedTime(archive)).isEqualTo(made);
    }

    @Test
    void sandboxed_workers_see_and_map_the_archive() throws IOException {
        // as a project's folders are: the sandbox resolves its binds as nobody when the build runs as root
        openToOthers(jarFolder);
        openToOthers(archives);
        copyOfMadeArchive();

        assertThat(pageIn(SandboxMode.REQUIRED)).isEqualTo("mapped\n");
    }

    @Test
    void a_sandboxed_worker_starts_without_an_archive_it_could_not_see() throws IOException {
        openToOthers(jarFolder);
        copyOfMadeArchive();
        Files.setPosixFilePermissions(onlyArchive(), java.nio.file.attribute.PosixFilePermissions.fromString("r--------"));

        String page = pageIn(SandboxMode.REQUIRED);

        assertThat(page).isEqualTo(Bubblewrap.runsAsRoot() ? "not mapped\n" : "mapped\n");
    }

    @Test
    void a_truncated_archive_is_not_used_and_is_made_again() throws IOException {
        copyOfMadeArchive();
        Path archive = onlyArchive();
        byte[] whole = Files.readAllBytes(archive);
        archive.toFile().setWritable(true);
        // what a disk that filled up mid-write leaves: a JVM that maps it crashes (SIGBUS)
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length - 4096);
        Files.write(archive, truncated);

        String damaged = pageIn(SandboxMode.OFF);
        String remade = pageIn(SandboxMode.OFF);

        assertThat(damaged).isEqualTo("not mapped\n");
        assertThat(remade).isEqualTo("mapped\n");
        // the bytes, not the size: an archive made again can be a page (4096 bytes) smaller than the first one
        // (a fresh clone's run at load 29 failed on the size)
        assertThat(Files.readAllBytes(onlyArchive())).isNotEqualTo(truncated);
    }

    @Test
    void an_archive_made_for_another_class_path_is_skipped_without_a_word() throws Exception {
        copyOfMadeArchive();
        Path other = jarFolder.resolve("other.jar");
        Files.copy(Path.of(options.classPath()), other, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        WorkerOptions elsewhere = new WorkerOptions(options.java(), other.toString(), options.jvmOptions(), 500)
                .sharing(onlyArchive());

        // the worker's own command line: with stdin at its end it starts, opens a session and exits
        Process worker = new ProcessBuilder(elsewhere.command(List.of()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        byte[] stdout = worker.getInputStream().readAllBytes();
        String stderr = new String(worker.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(worker.waitFor()).isZero();
        assertThat(stdout).isNotEmpty();
        assertThat(stderr).isEmpty();
    }

    @Test
    void a_missing_folder_is_made_and_no_temporary_file_is_left() throws IOException {
        Path nested = archives.resolve("cache/jvm");
        try (WorkerPool pool = new WorkerPool(options, 1, Sandbox.choose(SandboxMode.OFF, "", options), nested)) {
            assertThat(pool.run(page("p.md", run("content/p.md", 1, "int x = 1;"))).completed()).isTrue();
        }

        try (Stream<Path> files = Files.list(nested)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList()).satisfiesExactly(
                    archive -> assertThat(archive).matches("worker-[0-9a-f]{20}\\.jsa"),
                    digest -> assertThat(digest).matches("worker-[0-9a-f]{20}\\.jsa\\.sha256"));
        }
    }

    /** Runs the {@link #MAPPED} page in a new pool of one worker in the mode, and closes the pool. */
    private String pageIn(SandboxMode mode) {
        return pageIn(mode, archives);
    }

    /** The same, with the archive kept in {@code folder}. */
    private static String pageIn(SandboxMode mode, Path folder) {
        try (WorkerPool pool = new WorkerPool(options, 1, Sandbox.choose(mode, System.getenv("PATH"), options),
                folder)) {
            PageResult result = pool.run(page("p.md", run("content/p.md", 1, MAPPED)));
            assertThat(result.completed()).as("%s", result.failure()).isTrue();
            return result.steps().get(0).output();
        }
    }

    private Path onlyArchive() throws IOException {
        try (Stream<Path> files = Files.list(archives)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().endsWith(".jsa")).toList();
            assertThat(found).hasSize(1);
            assertThat(archives.resolve(found.get(0).getFileName() + ".sha256")).isRegularFile();
            return found.get(0);
        }
    }

    private static void openToOthers(Path folder) throws IOException {
        Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** A jar of the worker's packages (what the worker JVM loads of ours), or a copy of the jar they are in. */
    private static void jarOf(Path classes, Path jar) throws IOException {
        if (Files.isRegularFile(classes)) {
            Files.copy(classes, jar);
            return;
        }
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                Stream<Path> all = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
                String name = classes.relativize(f).toString().replace('\\', '/');
                if (name.startsWith("dev/llmqa/snippet/worker/") || name.startsWith("dev/llmqa/snippet/wire/")
                        || name.startsWith("dev/llmqa/text/")) {
                    out.putNextEntry(new JarEntry(name));
                    out.write(Files.readAllBytes(f));
                    out.closeEntry();
                }
            }
        }
    }
}
