package dev.llmqa.site;

/** A place in a content file: a block's fence line, or an inline span's line and column. */
public record Spot(String path, int line, int column) {

    public static Spot of(Page page, Block block) {
        return new Spot(page.path(), block.line(), 0);
    }

    public static Spot of(Page page, Formula formula) {
        return new Spot(page.path(), formula.line(), formula.column());
    }

    public static Spot of(Page page, InlineValue value) {
        return new Spot(page.path(), value.line(), value.column());
    }
}
