package dev.llmqa.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqa.Fixtures;
import dev.llmqa.WarmTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalogue of bad input a pull request can bring. Each case fails the build with exit code 1 and the exact
 * first problem line, within a minute, and leaves the previously built site exactly as it was. The good site is
 * built once; each case starts from a copy of it (sources, site/ and cache), and the builds share warm tools.
 */
@Tag("integration")
class BadInputCatalogueTest {

    @RegisterExtension
    static final WarmTools TOOLS = WarmTools.shared();

    private static final String PAGE = "content/questions/02-bad.md";
    /** Room for a loaded machine: only the endless loop is meant to time out, and it has its own 3 s. */
    private static final String HEAD = "title=Bad\ntype=question\nstatus=published\norder=2\nsummary=S.\ntimeout=30\n~~~~~~\n";

    /** The blocks fixture, built once. */
    @TempDir
    static Path built;

    @TempDir
    Path root;

    private Map<String, String> before;

    @BeforeAll
    static void buildTheGoodSite() {
        Fixtures.copy("blocks", built);
        Result result = build(built);
        assertThat(result.code()).as(result.err()).isZero();
    }

    @BeforeEach
    void copyTheBuiltSite() {
        Fixtures.copyTree(built, root);
        before = Fixtures.fingerprint(root.resolve("site"));
        assertThat(before).isNotEmpty();
    }

    static Stream<Arguments> catalogue() {
        return Stream.of(
                bad("an empty file", "", PAGE + ": no header: the file has no ~~~~~~ line"),
                bad("text without a header", "Just some text.\n", PAGE + ":1: no header: the file has no ~~~~~~ line"),
                bad("a header line without =", "title=T\ntype=page\nstatus=draft\njust words\n~~~~~~\n",
                        PAGE + ":4: header line 'just words' is not key=value"),
                bad("a separator with spaces", "title=T\n~~~~~~  \nx\n", PAGE + ":2: the header separator has spaces around it"),
                bad("no title", "type=page\nstatus=published\n~~~~~~\n", PAGE + ":1: the header has no title"),
                bad("an unknown status", "title=T\ntype=page\nstatus=publishd\n~~~~~~\n", PAGE + ":3: unknown status 'publishd'"),
                bad("an unknown type", "title=T\ntype=qestion\nstatus=draft\n~~~~~~\n",
                        PAGE + ":2: unknown type 'qestion': there is no template templates/qestion.ftl"),
                bad("an unknown key", "title=T\ntype=page\nstatus=draft\nsumary=S\n~~~~~~\n", PAGE + ":4: unknown header key 'sumary'"),
                bad("a repeated key", "title=T\ntitle=U\ntype=page\nstatus=draft\n~~~~~~\n",
                        PAGE + ":2: header key 'title' is repeated (first on line 1)"),
                bad("an order that is not a number", "title=T\ntype=question\nstatus=draft\norder=two\nsummary=S\n~~~~~~\n",
                        PAGE + ":4: order 'two' is not a positive whole number"),
                bad("a duplicate order", HEAD.replace("order=2", "order=1") + "Text.\n",
                        PAGE + ":4: order=1 is already used by content/questions/01-kinds.md:4"),
                bad("an unclosed fence", HEAD + "Text.\n\n```java\nint x = 1;\n", PAGE + ":10: this code fence is never closed, so the rest of the file is code"),
                bad("a hand-typed number", HEAD + "Q4_K_M averages 4.80 bits, or `= 70e9 * 4.80 / 8 / 1e9` GB.\n",
                        PAGE + ":8:17: hand-typed number \"4.80 bits\" in prose\n"
                                + "       hint: Compute it with an inline value (`= expr`) from a kernel in examples/02-bad.jsh,"
                                + " or cite its source on this line with a footnote [^id]."),
                bad("a misspelt block kind", HEAD + "```jshel\njshell> 1\n```\n", PAGE + ":8: unknown block kind 'jshel'"),
                bad("a missing include file", HEAD + "```java include=nope.jsh#kv-formula\n```\n", PAGE + ":8: example file examples/nope.jsh does not exist"),
                bad("a missing region", HEAD + "```java include=01-kinds.jsh#nope\n```\n", PAGE + ":8: region 'nope' is not in examples/01-kinds.jsh"),
                bad("an include that leaves examples/", HEAD + "```java include=../pom.xml\n```\n", PAGE + ":8: example path '../pom.xml' leaves examples/"),
                bad("a compile error", HEAD + "```java\nint x = nothing;\n```\n", PAGE + ":9:9: compile error: cannot find symbol: variable nothing"),
                bad("an exception", HEAD + "```java\nthrow new IllegalStateException(\"boom\");\n```\n", PAGE + ":9: IllegalStateException: boom"),
                bad("a transcript that does not match", HEAD + "```jshell\njshell> 2 * 2\n$1 ==> 5\n```\n",
                        PAGE + ":10: the transcript does not match what jshell prints for: 2 * 2"),
                bad("System.exit", HEAD + "```java\nSystem.exit(1);\n```\n", PAGE + ":9: the snippet ended the JVM (System.exit?)"),
                bad("an endless loop", HEAD + "```java timeout=1\nwhile (true) { }\n```\n", PAGE + ":9: timed out after 1 s (an endless loop?); the page's session was stopped"),
                bad("a megabyte of output", HEAD + "```java\nSystem.out.print(\"y\".repeat(1 << 20));\n```\n",
                        PAGE + ":8: the block printed more than the 64 KiB a page may show"),
                bad("an inline value that does not compile", HEAD + "It is `= nothing + 1`.\n", PAGE + ":8:"),
                bad("an inline value with a misspelt function", HEAD + "```java\ndouble twice(double x) { return 2 * x; }\n```\n\n"
                        + "It is `= twice(2)` and `= twise(3)`.\n", PAGE + ":12:24: compile error: cannot find symbol: method twise(int)\n"
                        + "       hint: Did you mean 'twice'? Define it in an earlier snippet"),
                bad("invalid TeX", HEAD + "The loss $\\frac{a$ here.\n", PAGE + ":8:10: invalid TeX: KaTeX parse error:"),
                bad("a broken link", HEAD + "See [this](nowhere.html).\n", PAGE + ":8: broken link: nowhere.html is not a file of the site"),
                bad("a broken anchor", HEAD + "See [this](01-kinds.html#nowhere).\n",
                        PAGE + ":8: broken anchor: 01-kinds.html#nowhere has no element with id 'nowhere'"));
    }

    static Stream<Arguments> files() {
        return Stream.of(
                Arguments.of("a binary file", new byte[] {'t', '=', 1, 0, 2, 3}, PAGE + ":1: the file holds a NUL byte: it looks binary"),
                Arguments.of("text that is not UTF-8", (HEAD + "caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1),
                        PAGE + ":8: the file is not valid UTF-8"),
                Arguments.of("a 20 MB file", (HEAD + "x".repeat(20 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8),
                        PAGE + ": the file is 20480 KiB, over the 2048 KiB limit"));
    }

    /** Cases that take more than one file: each writes its files (path → text) over the fixture. */
    static Stream<Arguments> layouts() {
        return Stream.of(
                Arguments.of("two pages with one name", Map.of("content/questions/02-kinds.md", HEAD + "Text.\n"),
                        "content/questions/02-kinds.md:1: the page name 'kinds' is already used by content/questions/01-kinds.md"),
                Arguments.of("an example file no page uses", Map.of("examples/leftover.jsh", "int unused = 1;\n"),
                        "examples/leftover.jsh:1: examples/leftover.jsh is not used by any page"),
                Arguments.of("a page renamed without its example", Map.of(PAGE, HEAD + "Text.\n", "examples/02-bda.jsh", "int x = 1;\n"),
                        "examples/02-bda.jsh:1: examples/02-bda.jsh is not used by any page\n"
                                + "       hint: Did you rename the page? Name it examples/02-bad.jsh to go with " + PAGE + "."),
                Arguments.of("a page renamed to other words", Map.of(PAGE, HEAD + "Text.\n", "examples/02-first-name.jsh", "int x = 1;\n"),
                        "examples/02-first-name.jsh:1: examples/02-first-name.jsh is not used by any page\n"
                                + "       hint: Did you rename the page? Name it examples/02-bad.jsh to go with " + PAGE + "."),
                Arguments.of("a missing image", Map.of(PAGE, HEAD + "Text.\n\n![A chart](images/chart.png \"Chart\")\n"),
                        PAGE + ":10: missing image: images/chart.png is not a file of the site"),
                Arguments.of("a missing image in raw HTML", Map.of(PAGE, HEAD + "<figure>\n<img src=\"img/a.svg\" alt=\"A\">\n</figure>\n"),
                        PAGE + ":9: missing image: img/a.svg is not a file of the site"),
                Arguments.of("a stylesheet that names a missing font", Map.of("templates/assets/css/extra.css",
                        "body { color: black; }\n@font-face { src: url(\"../fonts/Body.woff2\") format(\"woff2\"); }\n"),
                        "templates/assets/css/extra.css:2: missing asset: ../fonts/Body.woff2 is not a file of the site"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void bad_layouts_fail_at_their_place_and_keep_the_site(String name, Map<String, String> files, String firstProblem)
            throws Exception {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.createDirectories(root.resolve(file.getKey()).getParent());
            Files.writeString(root.resolve(file.getKey()), file.getValue());
        }
        Result result = build(root);
        assertThat(result.code()).as(result.err()).isEqualTo(1);
        assertThat(result.err()).as(result.err()).contains("  1. " + firstProblem);
        assertThat(Fixtures.fingerprint(root.resolve("site"))).isEqualTo(before);
    }

    private static Arguments bad(String name, String text, String firstProblem) {
        return Arguments.of(name, text, firstProblem);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void bad_text_fails_at_its_place_and_keeps_the_site(String name, String text, String firstProblem) throws Exception {
        failsWith(text.getBytes(StandardCharsets.UTF_8), firstProblem);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void bad_files_fail_at_their_place_and_keep_the_site(String name, byte[] bytes, String firstProblem) throws Exception {
        failsWith(bytes, firstProblem);
    }

    private void failsWith(byte[] bytes, String firstProblem) throws Exception {
        Files.write(root.resolve(PAGE), bytes);
        Result result = build(root);
        assertThat(result.code()).as(result.err()).isEqualTo(1);
        assertThat(result.err()).as(result.err()).contains("  1. " + firstProblem);
        assertThat(Fixtures.fingerprint(root.resolve("site"))).isEqualTo(before);
    }

    private record Result(int code, String err) {
    }

    private static Result build(Path project) {
        WarmTools.Run run = TOOLS.cli("build", "-q", "--root", project.toString());
        return new Result(run.code(), run.err());
    }
}
