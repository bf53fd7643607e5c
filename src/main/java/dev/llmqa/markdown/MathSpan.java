package dev.llmqa.markdown;

import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/** TeX between {@code $…$} (inline) or {@code $$…$$} (display), kept away from markdown's emphasis rules. */
public final class MathSpan extends Node {

    private final boolean display;
    private final BasedSequence tex;

    MathSpan(BasedSequence chars, BasedSequence tex, boolean display) {
        super(chars);
        this.tex = tex;
        this.display = display;
    }

    public boolean display() {
        return display;
    }

    public String tex() {
        return tex.toString();
    }

    @Override
    public BasedSequence[] getSegments() {
        return new BasedSequence[] {getChars()};
    }
}
