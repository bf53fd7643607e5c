package dev.llmqa.site;

import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A page's body as flexmark parsed it in the scan, once per build, and which node each extracted block, inline value
 * and formula came from. The render stage renders this tree and finds a node's block by the node itself; nothing
 * parses the markdown again or joins two parses by line and column. Read only after the scan.
 */
public final class Parsed {

    private final Document document;
    private final Map<Node, Block> blocks;
    private final Map<Node, InlineValue> values;
    private final Map<Node, Formula> formulas;

    public Parsed(Document document, Map<Node, Block> blocks, Map<Node, InlineValue> values, Map<Node, Formula> formulas) {
        this.document = document;
        this.blocks = frozen(blocks);
        this.values = frozen(values);
        this.formulas = frozen(formulas);
    }

    private static <T> Map<Node, T> frozen(Map<Node, T> byNode) {
        return Collections.unmodifiableMap(new IdentityHashMap<>(byNode));
    }

    public Document document() {
        return document;
    }

    public Optional<Block> block(Node node) {
        return Optional.ofNullable(blocks.get(node));
    }

    public Optional<InlineValue> value(Node node) {
        return Optional.ofNullable(values.get(node));
    }

    public Optional<Formula> formula(Node node) {
        return Optional.ofNullable(formulas.get(node));
    }
}
