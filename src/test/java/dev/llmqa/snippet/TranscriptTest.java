package dev.llmqa.snippet;

import dev.llmqa.snippet.pool.PageProgram;
import dev.llmqa.snippet.pool.PageResult;
import dev.llmqa.snippet.pool.WorkerOptions;
import dev.llmqa.snippet.pool.WorkerPool;
import dev.llmqa.snippet.wire.Source;
import dev.llmqa.snippet.wire.Step;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Transcript steps print what the real jshell tool prints for the same inputs (compared with /usr/bin/jshell). */
@Tag("integration")
class TranscriptTest {

    /** Expressions, variables and values. */
    private static final List<String> EXPRESSIONS = List.of(
            "int x = 5",
            "x = 6",
            "x",
            "1 + 1",
            "\"hi\\n\\t\\\"there\\\"\"",
            "new int[]{1, 2, 3}",
            "new String[][]{{\"a\"}, {}}",
            "0.1 + 0.2",
            "1.0 / 3",
            "1.5f",
            "'c'",
            "41943040000L",
            "var list = List.of(1, 2)",
            "String s",
            "String x = \"now a string\"",
            "\"a\".repeat(200)",
            "String longer = \"b\".repeat(200)",
            "Map.of(\"k\", 1)",
            "null",
            "Optional.empty()");

    /** Declarations: created, modified, replaced. */
    private static final List<String> DECLARATIONS = List.of(
            "int f(int a) { return a * 2; }",
            "int f(int a) { return a * 3; }",
            "long f(int a) { return a * 4L; }",
            "class Foo { int a; }",
            "Foo foo = new Foo()",
            "class Foo { int b; }",
            "class Foo { int b; int twice() { return 2 * b; } }",
            "class Foo { int b; int twice() { return 4 * b; } }",
            "record R(int a, String b) {}",
            "new R(1, \"x\")",
            "interface I { int size(); }",
            "enum Color { RED, GREEN }",
            "Color.GREEN",
            "@interface Note {}",
            "import java.time.*;",
            "System.out.println(\"printed\")",
            "System.out.print(\"no newline\")",
            "for (int i = 0; i < 3; i++) System.out.println(i);",
            "int a = 1; int b = 2;",
            "void multi() {\n    System.out.println(\"multi\");\n}",
            "multi()");

    /** Exceptions and compile errors. */
    private static final List<String> EXCEPTIONS = List.of(
            "void g() { throw new IllegalStateException(\"boom\"); }",
            "g()",
            "void h() {\n    g();\n}",
            "h()",
            "Integer.parseInt(\"x\")",
            "throw new RuntimeException(\"outer\", new IllegalArgumentException(\"inner\"))",
            "throw new UnsupportedOperationException()",
            "foo",
            "int y = \"s\";",
            "int z = 1; undefinedName; int after = 3;",
            "after",
            "int u() { return undefinedThing; }",
            "u()",
            "class Later { Missing m; }",
            "1 / 0",
            "int[] arr = new int[2]; arr[5] = 1;");

    private static WorkerPool pool;
    /** What the tool printed for each list of inputs: its three sessions run side by side (each mostly waits). */
    private static final Map<List<String>, CompletableFuture<List<String>>> TOOL = new HashMap<>();

    @BeforeAll
    static void startPoolAndTool() {
        for (List<String> inputs : List.of(EXPRESSIONS, DECLARATIONS, EXCEPTIONS)) {
            TOOL.put(inputs, CompletableFuture.supplyAsync(() -> {
                try {
                    return JShellTool.transcript(inputs);
                } catch (IOException | InterruptedException e) {
                    throw new CompletionException(e);
                }
            }, TranscriptTest::daemon));
        }
        pool = new WorkerPool(WorkerOptions.defaults(), 1);
    }

    private static void daemon(Runnable run) {
        Thread thread = new Thread(run, "jshell-tool");
        thread.setDaemon(true);
        thread.start();
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    private static List<String> transcript(List<String> inputs) {
        List<Source> sources = new ArrayList<>();
        int line = 1;
        for (String input : inputs) {
            sources.add(new Source("content/t.md", line, input));
            line += input.split("\n", -1).length;
        }
        PageResult result = pool.run(new PageProgram("t.md", List.of(new Step.Transcript(sources))));
        assertThat(result.completed()).as("%s", result.failure()).isTrue();
        return result.steps().get(0).transcript();
    }

    private static void assertSameAsTool(List<String> inputs) throws Exception {
        List<String> ours = transcript(inputs);
        List<String> tool = TOOL.get(inputs).get();
        assertThat(ours).hasSameSizeAs(inputs);
        for (int i = 0; i < inputs.size(); i++) {
            assertThat(withoutHashes(ours.get(i))).as("input %d: %s", i + 1, inputs.get(i))
                    .isEqualTo(withoutHashes(tool.get(i)));
        }
    }

    /** Identity hash codes ("Foo@312b1dae") differ between any two JVMs. */
    private static String withoutHashes(String shown) {
        return shown.replaceAll("@[0-9a-f]{1,8}\\b", "@HASH");
    }

    @Test
    void expressions_variables_and_values_print_as_the_tool_prints_them() throws Exception {
        assertSameAsTool(EXPRESSIONS);
    }

    @Test
    void declarations_print_created_modified_and_replaced() throws Exception {
        assertSameAsTool(DECLARATIONS);
    }

    @Test
    void exceptions_and_errors_print_as_the_tool_prints_them() throws Exception {
        assertSameAsTool(EXCEPTIONS);
    }
}
