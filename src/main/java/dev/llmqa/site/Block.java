package dev.llmqa.site;

/**
 * A fenced code block of a page, located in the page's file.
 *
 * @param info     the parsed info string
 * @param line     1-based file line of the opening fence
 * @param code     the block's text, without the fences
 * @param closed   false when the fence is never closed (it then runs to the end of the file)
 */
public record Block(BlockInfo info, int line, String code, boolean closed) {

    public String kind() {
        return info.kind();
    }

    /** 1-based file line of the first line of code. */
    public int codeLine() {
        return line + 1;
    }
}
