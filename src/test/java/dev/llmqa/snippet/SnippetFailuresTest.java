package dev.llmqa.snippet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqa.Fixtures;
import dev.llmqa.WarmTools;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each way a snippet can fail fails the whole build once, with the exact {@code path:line} and a clear message,
 * without hanging, and with the previous site untouched.
 */
@Tag("integration")
class SnippetFailuresTest {

    private static final String PAGE = "content/questions/01-kinds.md";
    /** Room for a loaded machine: only the tests of time limits are meant to time out, and they set their own. */
    private static final String HEADER = "title=Kinds\ntype=question\nstatus=published\norder=1\nsummary=S.\ntimeout=30\n~~~~~~\n";

    /** Warm snippet JVMs, as the preview server keeps them: a failure must not spoil the next build. */
    @RegisterExtension
    static final WarmTools TOOLS = WarmTools.shared();

    /** The blocks fixture, built once; each test starts from a copy (sources, site/ and cache). */
    @TempDir
    static Path built;

    @TempDir
    Path root;

    private Map<String, String> before;

    @BeforeAll
    static void buildOnce() {
        Fixtures.copy("blocks", built);
        assertThat(build(built)).startsWith("exit 0");
    }

    @BeforeEach
    void copyTheBuiltSite() {
        Fixtures.copyTree(built, root);
        before = Fixtures.fingerprint(root.resolve("site"));
        assertThat(before).isNotEmpty();
    }

    /** Builds and returns "exit N" and stderr. */
    private static String build(Path root) {
        WarmTools.Run run = TOOLS.cli("build", "-q", "--root", root.toString());
        return "exit " + run.code() + "\n" + run.err();
    }

    /** After each failure only the pool's own snippet JVMs run: a stopped one and whatever it started are gone. */
    @AfterEach
    void noProcessLeftBehind() throws InterruptedException {
        assertThat(settledProcesses(TOOLS.workers(), SnippetFailuresTest::leftover)).hasSizeLessThanOrEqualTo(TOOLS.workers());
    }

    /** Once the tools are closed, nothing at all (no wrapper, no JavaScript engine either). */
    @AfterAll
    static void nothingLeftOnceClosed() throws InterruptedException {
        TOOLS.close();
        assertThat(settledProcesses(0, p -> true)).isEmpty();
    }

    /**
     * What counts between tests: anything but the sandbox's wrappers of the pool's own JVMs (bubblewrap runs as two
     * processes around each) and the JavaScript engine the kept tools keep running.
     */
    private static boolean leftover(ProcessHandle process) {
        String command = process.info().commandLine().orElse("?");
        return !command.startsWith("/usr/bin/bwrap ") && !command.contains("node-engine.js");
    }

    /** The command lines of this JVM's live descendants that count, once at most {@code expected} are left (or 5 s passed). */
    private static List<String> settledProcesses(int expected, java.util.function.Predicate<ProcessHandle> counts)
            throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).filter(counts).count() > expected
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).filter(counts)
                .map(p -> p.info().commandLine().orElse("?")).toList();
    }

    /** Writes a page whose body starts on line 8, builds, and checks the failure and the untouched site. */
    private String failWith(String body) {
        return failWith(HEADER, body);
    }

    private String failWith(String header, String body) {
        Fixtures.write(root.resolve(PAGE), header + body);
        String result = build(root);
        assertThat(result).startsWith("exit 1\nbuild failed with ");
        assertThat(Fixtures.fingerprint(root.resolve("site"))).isEqualTo(before);
        return result;
    }

    @Test
    void compile_error_names_the_line_and_column() {
        assertThat(failWith("Text.\n\n```java\nint a = 1;\nint x = undefinedThing + 1;\n```\n"))
                .contains("1. " + PAGE + ":12:9: compile error: cannot find symbol: variable undefinedThing");
    }

    @Test
    void exception_names_the_throwing_line() {
        assertThat(failWith("```java\nint a = 1;\nthrow new IllegalStateException(\"boom\");\n```\n"))
                .contains("1. " + PAGE + ":10: IllegalStateException: boom");
    }

    @Test
    void failed_transcript_names_the_expected_line_and_shows_both() {
        assertThat(failWith("```jshell\njshell> 1 + 1\n$1 ==> 3\n```\n"))
                .contains("1. " + PAGE + ":10: the transcript does not match what jshell prints for: 1 + 1")
                .contains("expected: $1 ==> 3").containsPattern("actual: +\\$\\d+ ==> 2\n");
    }

    @Test
    void system_exit_is_reported_and_the_build_goes_on() {
        assertThat(failWith("```java\nSystem.exit(3);\n```\n"))
                .contains("1. " + PAGE + ":9: the snippet ended the JVM (System.exit?)");
    }

    @Test
    void an_endless_loop_times_out() {
        assertThat(failWith(HEADER.replace("timeout=30", "timeout=1"), "```java\nwhile (true) { }\n```\n"))
                .contains("1. " + PAGE + ":9: timed out after 1 s (an endless loop?)");
    }

    @Test
    void a_megabyte_of_output_is_cut_and_reported() {
        assertThat(failWith("```java\nSystem.out.print(\"x\".repeat(1 << 20));\n```\n"))
                .contains("1. " + PAGE + ":8: the block printed more than the 64 KiB a page may show");
    }

    @Test
    void a_missing_include_file_is_named() {
        assertThat(failWith("```java include=nothere.jsh#kv-formula\n```\n"))
                .contains("1. " + PAGE + ":8: example file examples/nothere.jsh does not exist");
    }

    @Test
    void a_missing_region_lists_the_regions_there() {
        assertThat(failWith("```java include=01-kinds.jsh#kv-formla\n```\n"))
                .contains("1. " + PAGE + ":8: region 'kv-formla' is not in examples/01-kinds.jsh")
                .contains("Did you mean 'kv-formula'?");
    }

    @Test
    void an_include_that_leaves_examples_is_refused() {
        assertThat(failWith("```java include=../pom.xml\n```\n"))
                .contains("1. " + PAGE + ":8: example path '../pom.xml' leaves examples/");
    }

    @Test
    void a_block_timeout_overrides_the_page_timeout() {
        // an endless loop, not a sleep: the limit counts CPU time, and a sleep ends only at the wall-clock backstop
        assertThat(failWith("```java timeout=1\nwhile (true) { }\n```\n"))
                .contains("1. " + PAGE + ":9: timed out after 1 s");
    }

    @Test
    void an_inline_value_that_does_not_compile_is_named() {
        assertThat(failWith("The value is `= nope(1)`.\n"))
                .contains("1. " + PAGE + ":8:");
    }
}
