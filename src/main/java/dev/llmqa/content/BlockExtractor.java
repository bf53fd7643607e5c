package dev.llmqa.content;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.NodeVisitor;
import com.vladsch.flexmark.util.ast.VisitHandler;
import dev.llmqa.markdown.Markdown;
import dev.llmqa.site.Block;
import dev.llmqa.site.BlockInfo;
import dev.llmqa.site.LineMap;
import java.util.ArrayList;
import java.util.List;

/** Extract, then render: collects every fenced block of a body with its file line, wherever it is nested. */
final class BlockExtractor {

    private BlockExtractor() {
    }

    static List<Block> extract(String body, int separatorLine) {
        Document document = Markdown.parse(body);
        List<Block> blocks = new ArrayList<>();
        new NodeVisitor(new VisitHandler<>(FencedCodeBlock.class, node -> blocks.add(new Block(
                BlockInfo.parse(node.getInfo().toString()),
                LineMap.fileLine(separatorLine, node.getStartLineNumber()),
                node.getContentChars().toString(),
                node.getClosingMarker().isNotNull() && !node.getClosingMarker().isEmpty()))))
                .visit(document);
        return blocks;
    }
}
