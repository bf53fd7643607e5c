package dev.llmqa.content;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import dev.llmqa.markdown.Markdown;
import dev.llmqa.markdown.MathSpan;
import dev.llmqa.site.Block;
import dev.llmqa.site.BlockInfo;
import dev.llmqa.site.Formula;
import dev.llmqa.site.InlineValue;
import dev.llmqa.site.LineMap;
import dev.llmqa.site.PageLink;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Extract, then render: parses a body once and collects every fenced block, inline value ({@code `= expr`}) and
 * formula with its file line, wherever it is nested (lists, quotes, admonitions, table cells, link text), keyed by its
 * node; and every file the markdown names, with its line.
 */
final class BlockExtractor {

    /** The parsed body, what was found in it by node, and the files it names, in document order. */
    record Extracted(Document document, Map<Node, Block> blocks, Map<Node, InlineValue> values, Map<Node, Formula> formulas,
                     List<PageLink> links) {
    }

    /** An attribute of raw HTML that names a file (as the link check reads them from the written page). */
    private static final Pattern HTML_URL = Pattern.compile("\\b(href|src|srcset|poster|data)\\s*=\\s*([\"'])(.*?)\\2",
            Pattern.CASE_INSENSITIVE);

    private BlockExtractor() {
    }

    static Extracted extract(String body, int separatorLine) {
        Document document = Markdown.parse(body);
        Map<Node, Block> blocks = new LinkedHashMap<>();
        Map<Node, InlineValue> values = new LinkedHashMap<>();
        Map<Node, Formula> formulas = new LinkedHashMap<>();
        List<PageLink> links = new ArrayList<>();
        for (Node node : document.getDescendants()) {
            if (node instanceof MathSpan math) {
                formulas.put(node, new Formula(LineMap.fileLine(separatorLine, node.getStartLineNumber()),
                        LineMap.column(body, node.getStartOffset()), math.tex(), math.display()));
            } else if (node instanceof FencedCodeBlock fence) {
                blocks.put(node, new Block(BlockInfo.parse(fence.getInfo().toString()),
                        LineMap.fileLine(separatorLine, node.getStartLineNumber()), fence.getContentChars().toString(),
                        fence.getClosingMarker().isNotNull() && !fence.getClosingMarker().isEmpty()));
            } else if (node instanceof Code code && code.getText().toString().startsWith(InlineValue.MARK)) {
                values.put(node, new InlineValue(LineMap.fileLine(separatorLine, node.getStartLineNumber()),
                        LineMap.column(body, node.getStartOffset()),
                        code.getText().toString().substring(InlineValue.MARK.length()).strip()));
            } else if (node instanceof Link link) {
                links.add(link(link.getUrl(), node, separatorLine));
            } else if (node instanceof Image image) {
                links.add(link(image.getUrl(), node, separatorLine));
            } else if (node instanceof Reference reference) {
                links.add(link(reference.getUrl(), node, separatorLine));
            } else if (node instanceof HtmlBlock || node instanceof HtmlInline) {
                html(node, separatorLine, links);
            }
        }
        return new Extracted(document, blocks, values, formulas, links);
    }

    private static PageLink link(BasedSequence url, Node node, int separatorLine) {
        return new PageLink(url.toString(), LineMap.fileLine(separatorLine, node.getStartLineNumber()));
    }

    /** The URLs raw HTML names, each at the line of the node it is on (srcset: each candidate's URL). */
    private static void html(Node node, int separatorLine, List<PageLink> links) {
        String[] lines = node.getChars().toString().split("\n", -1);
        int first = LineMap.fileLine(separatorLine, node.getStartLineNumber());
        for (int i = 0; i < lines.length; i++) {
            Matcher url = HTML_URL.matcher(lines[i]);
            while (url.find()) {
                boolean srcset = url.group(1).equalsIgnoreCase("srcset");
                for (String candidate : srcset ? url.group(3).split(",") : new String[] {url.group(3)}) {
                    String one = candidate.strip().split("\\s+")[0];
                    if (!one.isEmpty()) {
                        links.add(new PageLink(one, first + i));
                    }
                }
            }
        }
    }
}
