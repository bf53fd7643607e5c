package dev.llmqa.content;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.NodeVisitor;
import com.vladsch.flexmark.util.ast.VisitHandler;
import dev.llmqa.markdown.Markdown;
import dev.llmqa.markdown.MathSpan;
import dev.llmqa.site.Formula;
import dev.llmqa.site.Block;
import dev.llmqa.site.BlockInfo;
import dev.llmqa.site.InlineValue;
import dev.llmqa.site.LineMap;
import java.util.ArrayList;
import java.util.List;

/**
 * Extract, then render: collects every fenced block and every inline value ({@code `= expr`}) of a body with its
 * file line, wherever it is nested (lists, quotes, admonitions, table cells).
 */
final class BlockExtractor {

    record Extracted(List<Block> blocks, List<InlineValue> values, List<Formula> formulas) {
    }

    private BlockExtractor() {
    }

    static Extracted extract(String body, int separatorLine) {
        Document document = Markdown.parse(body);
        List<Block> blocks = new ArrayList<>();
        List<InlineValue> values = new ArrayList<>();
        List<Formula> formulas = new ArrayList<>();
        new NodeVisitor(
                new VisitHandler<>(MathSpan.class, node -> formulas.add(new Formula(
                        LineMap.fileLine(separatorLine, node.getStartLineNumber()),
                        LineMap.column(body, node.getStartOffset()), node.tex(), node.display()))),
                new VisitHandler<>(FencedCodeBlock.class, node -> blocks.add(new Block(
                        BlockInfo.parse(node.getInfo().toString()),
                        LineMap.fileLine(separatorLine, node.getStartLineNumber()),
                        node.getContentChars().toString(),
                        node.getClosingMarker().isNotNull() && !node.getClosingMarker().isEmpty()))),
                new VisitHandler<>(Code.class, node -> {
                    String text = node.getText().toString();
                    if (text.startsWith(InlineValue.MARK)) {
                        int column = LineMap.column(body, node.getStartOffset());
                        values.add(new InlineValue(LineMap.fileLine(separatorLine, node.getStartLineNumber()), column,
                                text.substring(InlineValue.MARK.length()).strip()));
                    }
                }))
                .visit(document);
        return new Extracted(blocks, values, formulas);
    }
}
