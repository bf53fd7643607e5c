package dev.llmqa.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqa.Fixtures;
import dev.llmqa.WarmTools;
import dev.llmqa.config.SiteConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden fixture sites: each fixtures/CASE with an expected/ folder is built and every output file compared
 * with expected/. Regenerate after an intended change with {@code ./mvnw test -Dgolden.update=true} and review
 * the diff. In the fast tier: the fixtures' few snippets run on one snippet JVM (not warmed up), started once for
 * all of them.
 */
class GoldenSiteTest {

    @RegisterExtension
    static final WarmTools TOOLS = new WarmTools(1, false);

    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> fixture_sites_build_to_their_expected_html() throws IOException {
        try (Stream<Path> cases = Files.list(Fixtures.ROOT)) {
            return cases.filter(c -> Files.isDirectory(c.resolve("expected")) || UPDATE && Files.isDirectory(c.resolve("content"))).sorted().toList().stream()
                    .map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
        }
    }

    private void check(Path fixture) throws Exception {
        String name = fixture.getFileName().toString();
        Path root = Fixtures.copy(name, work.resolve(name));
        Pipeline.standard(true, Progress.SILENT, TOOLS.kept()).run(SiteConfig.of(root));
        Path expected = fixture.resolve("expected");
        Files.deleteIfExists(root.resolve("site/js/lunr.min.js")); // copied verbatim from its WebJar: not ours to pin
        if (UPDATE) {
            Folders.delete(expected);
            Files.createDirectories(expected);
            Fixtures.copyTree(root.resolve("site"), expected);
        }
        Map<String, String> built = Fixtures.fingerprint(root.resolve("site"));
        assertThat(built.keySet()).as("files of %s", name).isEqualTo(Fixtures.fingerprint(expected).keySet());
        for (String file : built.keySet()) {
            assertThat(stable(Files.readString(root.resolve("site").resolve(file))))
                    .as("%s/expected/%s (regenerate with -Dgolden.update=true)", name, file)
                    .isEqualTo(stable(Files.readString(expected.resolve(file))));
        }
    }

    /** Run times differ from run to run; everything else must not. */
    static String stable(String html) {
        return html.replaceAll("in (&lt;1|\\d+) ms", "in # ms");
    }
}
