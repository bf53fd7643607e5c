package dev.llmqa.snippet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqa.Fixtures;
import dev.llmqa.config.SiteConfig;
import dev.llmqa.content.Scan;
import dev.llmqa.problem.Problems;
import dev.llmqa.site.Site;
import dev.llmqa.snippet.pool.PageProgram;
import dev.llmqa.snippet.pool.PageResult;
import dev.llmqa.snippet.wire.Step;
import dev.llmqa.snippet.pool.SnippetRunner;
import dev.llmqa.snippet.pool.StepResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snippet stage's progress line names the pages that cost a cold build most, and only pages that ran. */
class SlowestPagesTest {

    @TempDir
    Path root;

    /** Each step of a page takes what its page is given here (a step of an unlisted page takes 1 ms). */
    private static final Map<String, Duration> STEP_TIME = Map.of("content/questions/01-a.md", Duration.ofMillis(400),
            "content/questions/02-b.md", Duration.ofMillis(2100), "content/questions/03-c.md", Duration.ofMillis(900),
            "content/questions/04-d.md", Duration.ofMillis(650));

    private final class Timed implements SnippetRunner {
        @Override
        public PageResult run(PageProgram program) {
            Duration each = STEP_TIME.getOrDefault(program.page(), Duration.ofMillis(1));
            return new PageResult(program.page(), program.steps().stream()
                    .map(s -> new StepResult(s, "", false, answers(s), s instanceof Step.Value ? "1" : null, each,
                            Optional.empty())).toList(), true);
        }

        /**
         * One answer per transcript input, as the cache requires of a stored page: the fixture's one transcript asks
         * {@code 1 + 1}, and this is what jshell answers.
         */
        private List<String> answers(Step step) {
            return step instanceof Step.Transcript transcript ? transcript.sources().stream().map(s -> "$1 ==> 2").toList()
                    : List.of();
        }

        @Override
        public dev.llmqa.snippet.pool.Sandbox.Isolation isolation() {
            return new dev.llmqa.snippet.pool.Sandbox.Isolation(true, "in-process");
        }

        @Override
        public void close() {
        }
    }

    private String summary(boolean useCache) throws Exception {
        SiteConfig config = SiteConfig.of(root).withCache(useCache);
        Site site = new Scan().run(Site.start(config), new Problems()).site();
        Problems problems = new Problems();
        String summary = new SnippetExecutor(Timed::new).execute(site, problems).summary();
        assertThat(problems.list()).isEmpty();
        return summary;
    }

    @Test
    void a_cold_run_names_the_three_slowest_pages_and_what_their_steps_took() throws Exception {
        Fixtures.copy("basic", root);
        for (String page : List.of("01-a", "02-b", "03-c", "04-d")) {
            Fixtures.write(root.resolve("content/questions/" + page + ".md"), "title=" + page + "\ntype=question\n"
                    + "status=published\n~~~~~~\n```java\nint x = 1;\n```\n\n```java\nint y = 2;\n```\n");
        }
        // and the fixture's own pages with code, whose steps take 1 ms: too fast to be named
        assertThat(summary(false)).isEqualTo("6 pages ran sandboxed (in-process), 0 from cache; slowest: 02-b 4.2 s, 03-c 1.8 s, 04-d 1.3 s");
        assertThat(summary(true)).isEqualTo("0 pages ran, 6 from cache");
    }
}
