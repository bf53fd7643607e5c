package dev.llmqa.snippet.pool;

import static dev.llmqa.snippet.Pages.page;
import static dev.llmqa.snippet.Pages.run;
import static dev.llmqa.snippet.pool.WorkerPoolTest.SLEEPER;
import static dev.llmqa.snippet.pool.WorkerPoolTest.sleeperRuns;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqa.config.SandboxMode;
import dev.llmqa.problem.Problem;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The hostile-snippet catalogue, run in the real sandbox (bubblewrap is required: CI installs it). Each attempt is
 * refused, reported at the snippet's line, or contained in the sandbox; nothing outside it changes.
 */
@Tag("integration")
class HostileSnippetsTest {

    private static final String PAGE = "content/hostile.md";
    private static final Set<String> SANDBOX_VARIABLES = Set.of("HOME", "TMPDIR", "PATH", "PWD");
    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final String HOST_HOME = System.getProperty("user.home");

    private static WorkerPool pool;

    @BeforeAll
    static void startPool() {
        WorkerOptions options = WorkerOptions.defaults();
        pool = new WorkerPool(options, 2, Sandbox.choose(SandboxMode.REQUIRED, System.getenv("PATH"), options));
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    private static String output(String code) {
        PageResult result = pool.run(page(PAGE, run(PAGE, 10, code)));
        assertThat(result.completed()).as("%s", result.failure()).isTrue();
        return result.steps().get(0).output();
    }

    private static Problem failure(String code) {
        PageResult result = pool.run(page(PAGE, Duration.ofSeconds(20), run(PAGE, 10, code)));
        assertThat(result.completed()).isFalse();
        return result.failure().orElseThrow();
    }

    private static boolean onlyLocaleOrSandboxVariables(String names) {
        return Arrays.stream(names.split("\\s+")).filter(name -> !name.isBlank())
                .allMatch(name -> SANDBOX_VARIABLES.contains(name) || Sandbox.KEPT_VARIABLES.matcher(name).matches());
    }

    @Test
    void no_variable_of_the_build_reaches_a_snippet() {
        String names = output("System.getenv().keySet().forEach(System.out::println);");

        assertThat(System.getenv()).containsKey("PATH");
        assertThat(onlyLocaleOrSandboxVariables(names)).as(names).isTrue();
        assertThat(output("System.out.println(System.getenv(\"PATH\"));")).isEqualTo("/usr/bin\n");
    }

    @Test
    void the_environment_of_the_sandbox_init_in_proc_1_holds_nothing_of_the_build() {
        String names = output("""
                String env = new String(Files.readAllBytes(Path.of("/proc/1/environ")));
                for (String entry : env.split("\\0")) if (!entry.isEmpty()) System.out.println(entry.split("=")[0]);
                """);

        assertThat(onlyLocaleOrSandboxVariables(names)).as(names).isTrue();
    }

    @Test
    void the_scrubbed_environment_keeps_only_locale_and_time_zone() {
        var environment = new java.util.HashMap<>(java.util.Map.of("GITHUB_TOKEN", "ghs_secret", "LANG", "C.UTF-8",
                "LC_NUMERIC", "de_DE.UTF-8", "TZ", "UTC", "AWS_SECRET_ACCESS_KEY", "x", "HOME", "/root"));

        Sandbox.scrub(environment);

        assertThat(environment).containsOnlyKeys("LANG", "LC_NUMERIC", "TZ");
    }

    @Test
    void a_file_planted_in_the_working_directory_stays_in_the_sandbox() {
        String where = output("""
                Files.writeString(Path.of("planted.txt"), "x");
                System.out.println(Path.of("planted.txt").toAbsolutePath());
                """);

        assertThat(where).isEqualTo(Bubblewrap.WORK + "/planted.txt\n");
        assertThat(PROJECT.resolve("planted.txt")).doesNotExist();
    }

    @Test
    void the_project_cannot_be_written_into() {
        Problem problem = failure("int a = 1;\nFiles.writeString(Path.of(\"" + PROJECT + "/planted.txt\"), \"x\");");

        // only the way to the class path is there, read-only
        assertThat(problem.location()).isEqualTo(PAGE + ":11");
        assertThat(problem.message()).isEqualTo("FileSystemException: " + PROJECT + "/planted.txt: Read-only file system");
        assertThat(PROJECT.resolve("planted.txt")).doesNotExist();
    }

    @Test
    void the_class_path_is_read_only() throws IOException {
        Path classes = Path.of(WorkerOptions.defaults().classPath());
        Path target = Files.isDirectory(classes) ? classes.resolve("planted.txt") : classes.resolveSibling("planted.txt");
        Problem problem = failure("Files.writeString(Path.of(\"" + target + "\"), \"x\");");

        assertThat(problem.location()).isEqualTo(PAGE + ":10");
        assertThat(problem.message()).contains("Read-only file system");
        assertThat(target).doesNotExist();
    }

    /**
     * A project cloned under /tmp: its classes sit below the sandbox's own /tmp, yet nothing around them can be
     * written (the folder of /tmp that holds them is a read-only tmpfs of its own).
     */
    @Test
    void a_project_under_tmp_cannot_be_written_into_either() throws IOException {
        Path clone = Files.createTempDirectory(Path.of("/tmp"), "llmqa-clone");
        // as git makes a clone (a temporary folder is the owner's alone, and the sandbox's user is nobody)
        Files.setPosixFilePermissions(clone, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        try {
            Path classes = Path.of(WorkerOptions.defaults().classPath());
            Path copied = clone.resolve("target").resolve(classes.getFileName());
            if (Files.isDirectory(classes)) {
                dev.llmqa.Fixtures.copyTree(classes, copied);
            } else { // the jar, under Failsafe
                Files.createDirectories(copied.getParent());
                Files.copy(classes, copied);
            }
            WorkerOptions options = new WorkerOptions(WorkerOptions.defaults().java(), copied.toString(),
                    WorkerOptions.DEFAULT_JVM_OPTIONS, 500, null);
            try (WorkerPool own = new WorkerPool(options, 1, Sandbox.choose(SandboxMode.REQUIRED, System.getenv("PATH"), options))) {
                for (Path target : List.of(clone.resolve("planted.txt"), clone.resolve("target/planted.txt"))) {
                    PageResult result = own.run(page(PAGE, Duration.ofSeconds(20), run(PAGE, 10,
                            "Files.writeString(Path.of(\"" + target + "\"), \"x\");")));
                    assertThat(result.completed()).isFalse();
                    assertThat(result.failure().orElseThrow().message())
                            .isEqualTo("FileSystemException: " + target + ": Read-only file system");
                    assertThat(target).doesNotExist();
                }
            }
        } finally {
            dev.llmqa.build.Folders.delete(clone);
        }
    }

    @Test
    void writing_outside_the_tmpfs_is_refused() {
        for (String path : List.of("/planted.txt", "/usr/lib/planted.txt", "/dev/shm/planted.txt")) {
            Problem problem = failure("Files.writeString(Path.of(\"" + path + "\"), \"x\");");

            assertThat(problem.location()).isEqualTo(PAGE + ":10");
            assertThat(problem.message()).as(path).containsAnyOf("Read-only file system", "NoSuchFileException");
            assertThat(Path.of(path)).doesNotExist();
        }
    }

    @Test
    void filling_the_tmpfs_stops_at_its_size() {
        Problem problem = failure("""
                byte[] mb = new byte[1 << 20];
                try (var out = Files.newOutputStream(Path.of("/tmp/fill"))) {
                    for (int i = 0; i < 1024; i++) out.write(mb);
                }
                """);

        assertThat(problem.location()).isEqualTo(PAGE + ":12");
        assertThat(problem.message()).isEqualTo("IOException: No space left on device");
    }

    @Test
    void the_users_home_and_ssh_keys_are_not_there() {
        String seen = output("""
                System.out.println(Files.exists(Path.of("%s")));
                System.out.println(Files.exists(Path.of("%s", ".ssh")));
                System.out.println(Files.exists(Path.of(System.getProperty("user.home"), ".ssh")));
                System.out.println(System.getProperty("user.home"));
                """.formatted(HOST_HOME, HOST_HOME));

        assertThat(seen).isEqualTo("false\nfalse\nfalse\n" + Bubblewrap.HOME + "\n");
    }

    @Test
    void a_file_of_the_users_home_cannot_be_read() {
        Problem problem = failure("Files.readString(Path.of(\"" + HOST_HOME + "/.bashrc\"));");

        assertThat(problem.location()).isEqualTo(PAGE + ":10");
        assertThat(problem.message()).isEqualTo("NoSuchFileException: " + HOST_HOME + "/.bashrc");
    }

    @Test
    void a_tcp_connection_to_the_hosts_loopback_is_refused() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Problem problem = failure("new java.net.Socket(\"127.0.0.1\", " + server.getLocalPort() + ");");

            assertThat(problem.location()).isEqualTo(PAGE + ":10");
            assertThat(problem.message()).startsWith("ConnectException: Connection refused");
            server.setSoTimeout(200);
            assertThat(accepted(server)).isFalse();
        }
    }

    private static boolean accepted(ServerSocket server) throws IOException {
        try (var ignored = server.accept()) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    @Test
    void dns_lookups_fail() {
        Problem problem = failure("java.net.InetAddress.getByName(\"example.com\");");

        assertThat(problem.location()).isEqualTo(PAGE + ":10");
        assertThat(problem.message()).startsWith("UnknownHostException: example.com");
    }

    @Test
    void there_is_no_shell_to_run() {
        Problem problem = failure("Runtime.getRuntime().exec(new String[] {\"sh\", \"-c\", \"touch " + PROJECT
                + "/planted.txt\"});");

        assertThat(problem.location()).isEqualTo(PAGE + ":10");
        assertThat(problem.message()).startsWith("IOException: Cannot run program \"sh\"");
        assertThat(PROJECT.resolve("planted.txt")).doesNotExist();
    }

    @Test
    void the_host_processes_are_not_visible() {
        String seen = output("System.out.println(ProcessHandle.allProcesses().count() < 10);");

        assertThat(seen).isEqualTo("true\n");
    }

    @Test
    void a_thread_bomb_stops_at_the_task_limit() {
        Problem problem = failure("""
                for (int i = 0; i < 100_000; i++) {
                    Thread t = new Thread(() -> { try { Thread.sleep(60_000); } catch (InterruptedException e) { } });
                    t.setDaemon(true);
                    t.start();
                }
                """);

        assertThat(problem.location()).isEqualTo(PAGE + ":10");
        assertThat(problem.message()).isEqualTo("could not start another thread: the snippet JVM reached its limit "
                + "of threads and processes");
    }

    @Test
    void a_child_process_that_outlives_the_snippet_is_killed_with_its_worker() {
        String started = output("var child = " + SLEEPER.formatted("outlive") + ";\nSystem.out.println(child.isAlive());");

        assertThat(started).isEqualTo("true\n");
        assertThat(sleeperRuns("outlive")).isFalse();
    }

    @Test
    void a_thread_left_running_does_not_reach_the_next_page() {
        WorkerPool single = new WorkerPool(WorkerOptions.defaults(), 1,
                Sandbox.choose(SandboxMode.REQUIRED, System.getenv("PATH"), WorkerOptions.defaults()));
        try (single) {
            single.run(page(PAGE, run(PAGE, 1, """
                    Thread t = new Thread(() -> { while (true) Thread.onSpinWait(); }, "llmqa-left-behind");
                    t.setDaemon(true);
                    t.start();
                    """)));
            PageResult next = single.run(page("next.md", run("next.md", 1,
                    "System.out.println(Thread.getAllStackTraces().keySet().stream()"
                            + ".anyMatch(t -> t.getName().equals(\"llmqa-left-behind\")));")));

            assertThat(next.steps().get(0).output()).isEqualTo("false\n");
        }
    }

    @Test
    void one_worker_does_not_see_anothers_files() {
        String code = """
                Files.writeString(Path.of("mine-%s.txt"), "x");
                Thread.sleep(1500);
                try (var files = Files.list(Path.of("/tmp/work"))) { files.map(p -> p.getFileName().toString())
                        .filter(n -> n.startsWith("mine-")).sorted().forEach(System.out::println); }
                """;
        CompletableFuture<String> one = CompletableFuture.supplyAsync(() -> output(code.formatted("one")));
        CompletableFuture<String> two = CompletableFuture.supplyAsync(() -> output(code.formatted("two")));

        assertThat(one.join()).doesNotContain("mine-two.txt").contains("mine-one.txt");
        assertThat(two.join()).doesNotContain("mine-one.txt").contains("mine-two.txt");
    }

    @Test
    void an_ordinary_page_prints_the_same_in_and_out_of_the_sandbox() throws Exception {
        String code = """
                System.out.println(String.format("%,d bytes, %.2f GB", 41_943_040_000L, 41.94304));
                System.out.println(java.time.LocalDate.of(2024, 2, 29).plusYears(1));
                System.out.println(List.of(3, 1, 2).stream().sorted().map(String::valueOf).collect(Collectors.joining(",")));
                System.out.println(Locale.getDefault() + " " + TimeZone.getDefault().getID());
                """;
        WorkerOptions options = WorkerOptions.defaults();
        try (WorkerPool plain = new WorkerPool(options, 1, Sandbox.choose(SandboxMode.OFF, "", options))) {
            PageResult outside = plain.run(page("p.md", run("p.md", 1, code)));
            PageResult inside = pool.run(page("p.md", run("p.md", 1, code)));

            assertThat(outside.completed()).as("%s", outside.failure()).isTrue();
            assertThat(inside.steps().get(0).output()).isEqualTo(outside.steps().get(0).output());
        }
    }

    @Test
    void unsandboxed_workers_get_a_scrubbed_environment_and_a_private_directory() {
        WorkerOptions options = WorkerOptions.defaults();
        try (WorkerPool plain = new WorkerPool(options, 1, Sandbox.choose(SandboxMode.OFF, "", options))) {
            PageResult result = plain.run(page("p.md", run("p.md", 1, """
                    System.getenv().keySet().forEach(System.out::println);
                    Files.writeString(Path.of("planted.txt"), "x");
                    """)));

            String names = result.steps().get(0).output();
            assertThat(onlyLocaleOrSandboxVariables(names.replace("TMPDIR", ""))).as(names).isTrue();
            assertThat(names).doesNotContain("PATH");
            assertThat(PROJECT.resolve("planted.txt")).doesNotExist();
            assertThat(plain.isolation()).isEqualTo(new Sandbox.Isolation(false, "--sandbox=off"));
        }
        assertThat(pool.isolation().mode()).isEqualTo("sandboxed (bubblewrap)");
    }
}
