package dev.llmqa.site;

/**
 * A fenced code block of a page, located in the page's file.
 *
 * @param info     the parsed info string
 * @param line     1-based file line of the opening fence
 * @param code     the block's text, without the fences
 * @param closed   false when the fence is never closed (it then runs to the end of the file)
 * @param include  for an {@code include=} block, the example code it shows (resolved by the scan); else null
 */
public record Block(BlockInfo info, int line, String code, boolean closed, Included include) {

    /** The block as it is in the page, before the scan resolves what an {@code include=} shows. */
    public Block(BlockInfo info, int line, String code, boolean closed) {
        this(info, line, code, closed, null);
    }

    public Block showing(Included shown) {
        return new Block(info, line, code, closed, shown);
    }

    /** What an {@code include=} block shows; empty for any other block. */
    public java.util.Optional<Included> included() {
        return java.util.Optional.ofNullable(include);
    }

    public String kind() {
        return info.kind();
    }

    /** 1-based file line of the first line of code. */
    public int codeLine() {
        return line + 1;
    }
}
