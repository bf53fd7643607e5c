package dev.llmqa.site;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A scanned content file.
 *
 * @param source  absolute path of the .md file
 * @param path    the path people see: relative to the project root ("content/questions/08-kv-cache.md")
 * @param uri     where it is published, relative to the site root ("questions/08-kv-cache.html")
 * @param header  the parsed header
 * @param body    the markdown after the header separator, lines joined with '\n'
 * @param blocks  the fenced code blocks, in document order
 * @param values  the inline values ({@code `= expr`} spans), in document order
 * @param formulas the math ({@code $…$}, {@code $$…$$}), in document order
 * @param links    the files the markdown names (links, images, raw HTML attributes) with their lines
 * @param parsed   the body as flexmark parsed it, once, in the scan: what the render stage renders
 */
public record Page(Path source, String path, String uri, Header header, String body, List<Block> blocks,
                   List<InlineValue> values, List<Formula> formulas, List<PageLink> links, Parsed parsed) {

    public Page {
        blocks = List.copyOf(blocks);
        values = List.copyOf(values);
        formulas = List.copyOf(formulas);
        links = List.copyOf(links);
    }


    /** The example file this page loads by its name: examples/NAME.jsh for content/…/NAME.md. */
    public String exampleName() {
        String file = Path.of(path).getFileName().toString();
        return file.substring(0, file.length() - ".md".length()) + ".jsh";
    }

    public String title() {
        return header.value("title").orElse("");
    }

    public String type() {
        return header.value("type").orElse("");
    }

    public boolean published() {
        return "published".equals(header.value("status").orElse(""));
    }

    public OptionalInt order() {
        Optional<String> order = header.value("order");
        try {
            return order.map(o -> OptionalInt.of(Integer.parseInt(o))).orElse(OptionalInt.empty());
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /**
     * The one place where body lines become file lines. flexmark counts body lines from 0 and JBake hands the
     * engine only the body, so file line = header lines (separator included) + flexmark line + 1.
     */
    public int fileLine(int flexmarkLine) {
        return LineMap.fileLine(header.separatorLine(), flexmarkLine);
    }


}
