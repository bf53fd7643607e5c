package dev.llmqa.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqa.config.SiteConfig;
import dev.llmqa.problem.Problem;
import dev.llmqa.problem.Problems;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextCacheTest {

    private static final String KEY = TextCache.key("formula", "a_i");
    private static final String OTHER = TextCache.key("formula", "b_i");
    private static final String HINT = "Nothing to do. If entries keep getting damaged, check the disk;"
            + " ./llmqa build --no-cache recomputes everything.";

    @TempDir
    Path root;

    private final Problems problems = new Problems();

    private TextCache cache() {
        return TextCache.of(SiteConfig.of(root, Map.of()), "math", ".html",
                text -> text.startsWith("<span") ? Optional.empty() : Optional.of("it is not a span"), problems);
    }

    private Path entry(String key) {
        return root.resolve(".llmqa/cache/v1/math/" + key + ".html");
    }

    @Test
    void a_write_after_its_folder_was_removed_makes_the_folder_again_and_the_entry_is_world_readable() throws Exception {
        Path file = root.resolve("gone/entry.txt");
        TextCache.writeAtomically(file, "one");
        Files.delete(file);
        Files.delete(file.getParent());
        TextCache.writeAtomically(file, "two");
        assertThat(file).hasContent("two");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
        try (var left = Files.list(file.getParent())) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void an_entry_is_read_back_as_written_with_its_header() throws Exception {
        cache().write(KEY, "<span>a</span>");
        assertThat(Files.readString(entry(KEY))).startsWith("llmqa-cache 1 " + KEY + " ").endsWith("\n<span>a</span>");
        AtomicInteger computed = new AtomicInteger();
        TextCache next = cache();
        assertThat(next.get(KEY, () -> Optional.of("<span>" + computed.incrementAndGet() + "</span>"))).contains("<span>a</span>");
        assertThat(computed).hasValue(0);
        assertThat(next.summary("typeset")).isEqualTo("0 typeset, 1 from cache");
        assertThat(problems.takeWarnings()).isEmpty();
    }

    /** Each way an entry goes bad, as a change to its bytes. */
    static List<Arguments> damage() {
        return List.of(
                Arguments.of("emptied", (UnaryOperator<byte[]>) b -> new byte[0], "the file is empty"),
                Arguments.of("truncated", (UnaryOperator<byte[]>) b -> java.util.Arrays.copyOf(b, b.length - 4),
                        "its content does not match the digest in its header (truncated or changed)"),
                Arguments.of("cut inside its header", (UnaryOperator<byte[]>) b -> java.util.Arrays.copyOf(b, 30),
                        "it has no llmqa-cache header line (not written by llmqa, or its start is damaged)"),
                Arguments.of("garbled", (UnaryOperator<byte[]>) b -> garble(b, b.length - 3),
                        "its content does not match the digest in its header (truncated or changed)"),
                Arguments.of("garbled in its header", (UnaryOperator<byte[]>) b -> garble(b, 2),
                        "it has no llmqa-cache header line (not written by llmqa, or its start is damaged)"),
                Arguments.of("written by an llmqa without headers", (UnaryOperator<byte[]>) b -> bytes("<span>old</span>"),
                        "it has no llmqa-cache header line (not written by llmqa, or its start is damaged)"),
                Arguments.of("of another format", (UnaryOperator<byte[]>) b -> bytes(new String(b, StandardCharsets.UTF_8)
                        .replaceFirst("^llmqa-cache 1 ", "llmqa-cache 2 ")), "it is in format '2', not 1"),
                Arguments.of("another key's entry", (UnaryOperator<byte[]>) b -> bytes(new String(b, StandardCharsets.UTF_8)
                        .replace(KEY, OTHER)), "it holds the entry of another key (" + OTHER + ")"),
                Arguments.of("the wrong shape with a good digest", (UnaryOperator<byte[]>) b -> written("<div>x</div>"),
                        "it is not a span"),
                Arguments.of("not UTF-8 with a good digest", (UnaryOperator<byte[]>) b -> withDigest(new byte[] {'<', 's', (byte) 0xff}),
                        "its content is not UTF-8"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damage")
    void a_damaged_entry_is_never_used_warned_about_once_and_replaced(String name, UnaryOperator<byte[]> damage, String why)
            throws Exception {
        cache().write(KEY, "<span>a</span>");
        Files.write(entry(KEY), damage.apply(Files.readAllBytes(entry(KEY))));

        TextCache next = cache();
        assertThat(next.get(KEY, () -> Optional.of("<span>again</span>"))).contains("<span>again</span>");
        assertThat(next.get(KEY, () -> Optional.of("<span>never</span>"))).contains("<span>again</span>");
        assertThat(problems.takeWarnings()).containsExactly(Problem.at(".llmqa/cache/v1/math/" + KEY + ".html", 0,
                "damaged cache entry, not used: " + why + "; it is computed again and replaced", HINT));
        assertThat(next.summary("typeset")).isEqualTo("1 typeset, 0 from cache, 1 repeated");

        assertThat(cache().read(KEY)).contains("<span>again</span>");
        assertThat(problems.takeWarnings()).isEmpty();
    }

    @Test
    void a_damaged_entry_whose_result_cannot_be_computed_is_deleted_so_it_is_reported_once() throws Exception {
        cache().write(KEY, "<span>a</span>");
        Files.writeString(entry(KEY), "junk");
        assertThat(cache().get(KEY, Optional::empty)).isEmpty();
        assertThat(problems.takeWarnings()).hasSize(1);
        assertThat(entry(KEY)).doesNotExist();
        assertThat(cache().get(KEY, Optional::empty)).isEmpty();
        assertThat(problems.takeWarnings()).isEmpty();
    }

    @Test
    void a_reader_that_finds_more_wrong_rejects_the_entry_with_its_reason() throws Exception {
        cache().write(KEY, "<span>a</span>");
        TextCache next = cache();
        assertThat(next.read(KEY)).isPresent();
        next.reject(KEY, "it holds 2 step results for a page of 3 steps");
        assertThat(problems.takeWarnings()).extracting(Problem::message).containsExactly(
                "damaged cache entry, not used: it holds 2 step results for a page of 3 steps; it is computed again and replaced");
        assertThat(next.read(KEY)).isEmpty();
    }

    @Test
    void without_the_cache_nothing_is_read_and_a_damaged_entry_is_overwritten() throws Exception {
        cache().write(KEY, "<span>a</span>");
        Files.writeString(entry(KEY), "junk");
        TextCache noCache = TextCache.of(SiteConfig.of(root, Map.of()).withCache(false), "math", ".html",
                text -> Optional.empty(), problems);
        assertThat(noCache.get(KEY, () -> Optional.of("<span>b</span>"))).contains("<span>b</span>");
        assertThat(problems.takeWarnings()).isEmpty();
        assertThat(cache().read(KEY)).contains("<span>b</span>");
    }

    @Test
    void without_the_cache_an_entry_that_already_holds_the_result_is_left_as_it_is() throws Exception {
        cache().write(KEY, "<span>a</span>");
        Object before = Files.readAttributes(entry(KEY), java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        TextCache noCache = TextCache.of(SiteConfig.of(root, Map.of()).withCache(false), "math", ".html",
                text -> Optional.empty(), problems);
        assertThat(noCache.get(KEY, () -> Optional.of("<span>a</span>"))).contains("<span>a</span>");
        assertThat(Files.readAttributes(entry(KEY), java.nio.file.attribute.BasicFileAttributes.class).fileKey())
                .as("the same file, not one renamed over it").isEqualTo(before);
        assertThat(noCache.get(OTHER, () -> Optional.of("<span>b</span>"))).contains("<span>b</span>");
        assertThat(cache().read(OTHER)).contains("<span>b</span>");
    }

    @Test
    void a_cache_that_cannot_be_written_says_so_once_and_the_build_goes_on() throws Exception {
        Files.createDirectories(root.resolve(".llmqa/cache/v1"));
        Files.writeString(root.resolve(".llmqa/cache/v1/math"), "a file where the folder should be");
        TextCache blocked = cache();
        assertThat(blocked.get(KEY, () -> Optional.of("<span>a</span>"))).contains("<span>a</span>");
        assertThat(blocked.get(OTHER, () -> Optional.of("<span>b</span>"))).contains("<span>b</span>");
        List<Problem> warnings = problems.takeWarnings();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).location()).isEqualTo(".llmqa/cache/v1/math");
        assertThat(warnings.get(0).message()).startsWith("cannot store cache entries (")
                .endsWith("): what this build computed is computed again next build");
        assertThat(warnings.get(0).hint()).isEqualTo("Free some disk space, or check that .llmqa/cache/v1/math/ is writable.");
    }

    private static byte[] garble(byte[] bytes, int at) {
        byte[] copy = bytes.clone();
        copy[at] ^= 0x5a;
        return copy;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** An entry for KEY as the cache writes it, with a good header and digest. */
    private static byte[] written(String text) {
        return withDigest(bytes(text));
    }

    private static byte[] withDigest(byte[] body) {
        try {
            String digest = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(body));
            byte[] header = bytes("llmqa-cache 1 " + KEY + " " + digest + "\n");
            byte[] all = java.util.Arrays.copyOf(header, header.length + body.length);
            System.arraycopy(body, 0, all, header.length, body.length);
            return all;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
