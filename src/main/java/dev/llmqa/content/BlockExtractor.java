package dev.llmqa.content;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeVisitor;
import com.vladsch.flexmark.util.ast.VisitHandler;
import dev.llmqa.markdown.Markdown;
import dev.llmqa.markdown.MathSpan;
import dev.llmqa.site.Block;
import dev.llmqa.site.BlockInfo;
import dev.llmqa.site.Formula;
import dev.llmqa.site.InlineValue;
import dev.llmqa.site.LineMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Extract, then render: parses a body once and collects every fenced block, inline value ({@code `= expr`}) and
 * formula with its file line, wherever it is nested (lists, quotes, admonitions, table cells), keyed by its node.
 */
final class BlockExtractor {

    /** The parsed body, and what was found in it by node, in document order. */
    record Extracted(Document document, Map<Node, Block> blocks, Map<Node, InlineValue> values, Map<Node, Formula> formulas) {
    }

    private BlockExtractor() {
    }

    static Extracted extract(String body, int separatorLine) {
        Document document = Markdown.parse(body);
        Map<Node, Block> blocks = new LinkedHashMap<>();
        Map<Node, InlineValue> values = new LinkedHashMap<>();
        Map<Node, Formula> formulas = new LinkedHashMap<>();
        new NodeVisitor(
                new VisitHandler<>(MathSpan.class, node -> formulas.put(node, new Formula(
                        LineMap.fileLine(separatorLine, node.getStartLineNumber()),
                        LineMap.column(body, node.getStartOffset()), node.tex(), node.display()))),
                new VisitHandler<>(FencedCodeBlock.class, node -> blocks.put(node, new Block(
                        BlockInfo.parse(node.getInfo().toString()),
                        LineMap.fileLine(separatorLine, node.getStartLineNumber()),
                        node.getContentChars().toString(),
                        node.getClosingMarker().isNotNull() && !node.getClosingMarker().isEmpty()))),
                new VisitHandler<>(Code.class, node -> {
                    String text = node.getText().toString();
                    if (text.startsWith(InlineValue.MARK)) {
                        int column = LineMap.column(body, node.getStartOffset());
                        values.put(node, new InlineValue(LineMap.fileLine(separatorLine, node.getStartLineNumber()), column,
                                text.substring(InlineValue.MARK.length()).strip()));
                    }
                }))
                .visit(document);
        return new Extracted(document, blocks, values, formulas);
    }
}
