package dev.llmqa.markdown;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import java.util.Set;

/**
 * {@code $…$} and {@code $$…$$} as math: the TeX inside is not markdown (so {@code $a_i b_i$} keeps its
 * underscores) and renders as {@code <span class="math inline|display">} holding the TeX with its delimiters,
 * for a math renderer to typeset. Pandoc's rule decides what is inline math: the opening {@code $} is followed
 * by a non-space, the closing one preceded by a non-space and not followed by a digit, so "$5 and $10" is text.
 */
public final class MathExtension implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    private MathExtension() {
    }

    public static MathExtension create() {
        return new MathExtension();
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.customInlineParserExtensionFactory(new Factory());
    }

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        // MathSpan nodes are rendered by FencedBlockDispatch: typeset when a FormulaRenderer is given, else as TeX
    }

    /** A formula as TeX with its delimiters, for when nothing typeset it. */
    static String asTex(MathSpan node) {
        String delimiter = node.display() ? "$$" : "$";
        return "<span class=\"math " + (node.display() ? "display" : "inline") + "\">"
                + Escaping.escapeHtml(delimiter + node.tex() + delimiter, false) + "</span>";
    }

    private static final class Factory implements InlineParserExtensionFactory {
        @Override
        public CharSequence getCharacters() {
            return "$";
        }

        @Override
        public InlineParserExtension apply(LightInlineParser inlineParser) {
            return new Inline();
        }

        @Override
        public Set<Class<?>> getAfterDependents() {
            return null;
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return null;
        }

        @Override
        public boolean affectsGlobalScope() {
            return false;
        }
    }

    private static final class Inline implements InlineParserExtension {
        @Override
        public void finalizeDocument(com.vladsch.flexmark.parser.InlineParser inlineParser) {
        }

        @Override
        public void finalizeBlock(com.vladsch.flexmark.parser.InlineParser inlineParser) {
        }

        @Override
        public boolean parse(LightInlineParser inline) {
            BasedSequence input = inline.getInput();
            int start = inline.getIndex();
            boolean display = start + 1 < input.length() && input.charAt(start + 1) == '$';
            int end = display ? closeDisplay(input, start + 2) : closeInline(input, start + 1);
            if (end < 0) {
                return false;
            }
            int open = display ? 2 : 1;
            inline.flushTextNode();
            inline.getBlock().appendChild(new MathSpan(input.subSequence(start, end + open),
                    input.subSequence(start + open, end), display));
            inline.setIndex(end + open);
            return true;
        }

        private static int closeDisplay(BasedSequence input, int from) {
            int at = input.indexOf("$$", from);
            return at > from ? at : -1;
        }

        private static int closeInline(BasedSequence input, int from) {
            if (from >= input.length() || Character.isWhitespace(input.charAt(from)) || input.charAt(from) == '$') {
                return -1;
            }
            for (int i = from + 1; i < input.length(); i++) {
                char c = input.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '\n' && i + 1 < input.length() && input.charAt(i + 1) == '\n') {
                    return -1;
                } else if (c == '$' && !Character.isWhitespace(input.charAt(i - 1))
                        && (i + 1 >= input.length() || !Character.isDigit(input.charAt(i + 1)))) {
                    return i;
                }
            }
            return -1;
        }
    }
}
