package dev.llmqa.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqa.problem.Problem;
import dev.llmqa.site.Header;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HeaderParserTest {

    private static final List<String> TYPES = List.of("home", "page", "question");
    private static final String PATH = "content/questions/08-kv-cache.md";

    private static List<Problem> problems(String text) {
        HeaderParser parser = new HeaderParser(PATH, TYPES);
        parser.parse(text.lines().toList());
        return parser.problems();
    }

    private static List<String> messages(String text) {
        return problems(text).stream().map(Problem::format).toList();
    }

    @Test
    void a_complete_header_has_no_problems_and_keeps_lines() {
        HeaderParser parser = new HeaderParser(PATH, TYPES);
        Optional<Header> header = parser.parse(List.of("title=KV", "type=question", "status=published", "order=8",
                "summary=Short.", "~~~~~~", "body"));
        assertThat(parser.problems()).isEmpty();
        assertThat(header).isPresent();
        assertThat(header.get().separatorLine()).isEqualTo(6);
        assertThat(header.get().entry("order").orElseThrow().line()).isEqualTo(4);
    }

    @Test
    void missing_title_names_line_one_and_says_where_to_add_it() {
        assertThat(messages("type=question\nstatus=published\norder=8\nsummary=S.\n~~~~~~\n")).containsExactly(
                PATH + ":1: the header has no title\n"
                        + "   hint: Add a line title=What is the KV cache? above the ~~~~~~ line (line 5).");
    }

    @Test
    void unknown_status_names_its_line_and_suggests_the_closest() {
        assertThat(messages("title=T\ntype=question\nstatus=publishd\norder=8\nsummary=S.\n~~~~~~\n")).containsExactly(
                PATH + ":3: unknown status 'publishd'\n"
                        + "   hint: Did you mean 'published'? Use status=published or status=draft.");
    }

    @Test
    void unknown_type_names_the_missing_template() {
        assertThat(messages("title=T\ntype=questoin\nstatus=draft\n~~~~~~\n")).containsExactly(
                PATH + ":2: unknown type 'questoin': there is no template templates/questoin.ftl\n"
                        + "   hint: Did you mean 'question'? Types with a template: home, page, question.");
    }

    @Test
    void order_must_be_a_positive_number() {
        assertThat(messages("title=T\ntype=question\nstatus=draft\norder=eight\nsummary=S.\n~~~~~~\n")).containsExactly(
                PATH + ":4: order 'eight' is not a positive whole number\n   hint: Write it like order=8.");
    }

    @Test
    void a_misspelt_required_key_is_one_problem_not_two() {
        assertThat(messages("title=T\ntype=question\nstatus=draft\norder=3\nsumary=S.\n~~~~~~\n")).containsExactly(
                PATH + ":5: unknown header key 'sumary'\n   hint: Did you mean 'summary'? Known keys: title, type, status, "
                        + "order, tags, summary, date, examples, timeout.");
    }

    @Test
    void a_question_needs_order_and_summary() {
        assertThat(problems("title=T\ntype=question\nstatus=draft\n~~~~~~\n"))
                .extracting(Problem::message)
                .containsExactly("the header has no order", "the header has no summary");
    }

    @Test
    void no_separator_is_one_problem_at_line_one() {
        assertThat(messages("title=T\n\nJust text.\n")).containsExactly(PATH
                + ":1: no header: the file has no ~~~~~~ line\n   hint: Start the file with key=value lines (title=…, "
                + "type=question, status=published, order=N, summary=…) and end them with a line of six tildes: ~~~~~~");
    }

    @Test
    void a_separator_with_spaces_is_named() {
        assertThat(problems("title=T\n~~~~~~ \nbody\n")).extracting(Problem::line, Problem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "the header separator has spaces around it"));
    }

    @Test
    void a_line_without_equals_is_named() {
        assertThat(problems("title=T\ntype=page\nstatus=draft\njust words\n~~~~~~\n"))
                .extracting(Problem::line, Problem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4, "header line 'just words' is not key=value"));
    }

    @Test
    void unknown_and_repeated_keys_are_named_with_suggestions() {
        assertThat(messages("title=T\ntitle=U\ntype=page\nstatus=draft\nsumary=S\n~~~~~~\n")).containsExactly(
                PATH + ":2: header key 'title' is repeated (first on line 1)\n   hint: Keep one title= line.",
                PATH + ":5: unknown header key 'sumary'\n   hint: Did you mean 'summary'? Known keys: title, type, "
                        + "status, order, tags, summary, date, examples, timeout.");
    }

    @Test
    void every_problem_of_a_header_is_reported_at_once() {
        assertThat(problems("type=question\nstatus=gone\norder=0\n~~~~~~\n")).extracting(Problem::line)
                .containsExactly(1, 1, 2, 3);
    }
}
