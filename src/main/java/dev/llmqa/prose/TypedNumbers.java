package dev.llmqa.prose;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import dev.llmqa.markdown.MathSpan;
import dev.llmqa.problem.Problem;
import dev.llmqa.site.LineMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * No number typed by hand that a kernel can compute: a computed-looking number ({@link Figures}) in the prose or
 * the math of a page is a problem at its line, unless a citation (a footnote reference or a link) is on the same
 * line, which for a table cell is its row. Inline values, code, link targets, raw HTML and footnote definitions
 * hold no prose, so their numbers are never looked at.
 */
public final class TypedNumbers {

    /** Nodes whose text is not prose (code blocks, inline code and inline values, HTML, URLs, definitions). */
    private static final List<Class<? extends Node>> NOT_PROSE = List.of(FencedCodeBlock.class,
            IndentedCodeBlock.class, Code.class,
            HtmlBlock.class, HtmlCommentBlock.class, FootnoteBlock.class, Footnote.class, Reference.class,
            AutoLink.class, MailLink.class, Image.class, ImageRef.class);

    private final String path;
    private final Document document;
    private final int separatorLine;
    private final Set<Integer> citedLines = new HashSet<>();
    private final List<Problem> problems = new ArrayList<>();

    private TypedNumbers(String path, Document document, int separatorLine) {
        this.path = path;
        this.document = document;
        this.separatorLine = separatorLine;
    }

    /**
     * @param path          the page as people see it (content/questions/08-kv-cache.md)
     * @param document      its body, parsed with {@link dev.llmqa.markdown.Markdown}
     * @param separatorLine the file line of its header's {@code ~~~~~~}
     */
    public static List<Problem> find(String path, Document document, int separatorLine) {
        TypedNumbers check = new TypedNumbers(path, document, separatorLine);
        check.citations(document);
        check.visit(document);
        return List.copyOf(check.problems);
    }

    private void citations(Node node) {
        if (node instanceof FootnoteBlock) {
            return;
        }
        if (cites(node)) {
            for (int line = node.getStartLineNumber(); line <= node.getEndLineNumber(); line++) {
                citedLines.add(line);
            }
        }
        for (Node child : node.getChildren()) {
            citations(child);
        }
    }

    /** A footnote reference or a link that leads somewhere; {@code [^nope]} with no definition cites nothing. */
    private static boolean cites(Node node) {
        return node instanceof Footnote footnote ? footnote.isDefined()
                : node instanceof LinkRef ref ? ref.isDefined()
                : node instanceof Link || node instanceof AutoLink;
    }

    private void visit(Node node) {
        if (node instanceof MathSpan math) {
            int tex = math.getStartOffset() + (math.display() ? 2 : 1);
            TexFigures.in(math.tex()).forEach(f -> report(tex + f.start(), f.shown(), Where.FORMULA));
            return;
        }
        if (NOT_PROSE.stream().anyMatch(kind -> kind.isInstance(node))) {
            return;
        }
        if (node instanceof Text) {
            Where where = node.getAncestorOfType(TableRow.class) == null ? Where.LINE : Where.ROW;
            Figures.in(node.getChars()).forEach(f -> report(node.getStartOffset() + f.start(), f.shown(), where));
            return;
        }
        for (Node child : node.getChildren()) {
            visit(child);
        }
    }

    private void report(int offset, String shown, Where where) {
        int line = document.getLineNumber(offset);
        if (citedLines.contains(line)) {
            return;
        }
        problems.add(new Problem(path, LineMap.fileLine(separatorLine, line), LineMap.column(document.getChars(), offset),
                "hand-typed number \"" + shown + "\"" + where.in, where.hint(examples(path))));
    }

    /** The page's own example file, where its kernels live: examples/NAME.jsh for content/…/NAME.md. */
    private static String examples(String path) {
        String file = Path.of(path).getFileName().toString();
        return "examples/" + file.replaceFirst("\\.md$", "") + ".jsh";
    }

    private enum Where {
        LINE(" in prose", "on this line"),
        ROW(" in a table", "in this table row"),
        FORMULA(" in a formula", "");

        final String in;
        private final String scope;

        Where(String in, String scope) {
            this.in = in;
            this.scope = scope;
        }

        String hint(String examples) {
            if (this == FORMULA) {
                return "Write the formula in symbols and give the number in the prose beside it, as an inline value"
                        + " (`= expr`) from a kernel in " + examples + " or with a footnote [^id] to its source.";
            }
            return "Compute it with an inline value (`= expr`) from a kernel in " + examples + ", or cite its source "
                    + scope + " with a footnote [^id].";
        }
    }
}
