package dev.llmqa.snippet.render;

import dev.llmqa.snippet.Snippets;
import dev.llmqa.site.BlockInfo;
import dev.llmqa.snippet.transcript.TranscriptBlock;

import dev.llmqa.site.BlockRenderer;
import dev.llmqa.site.Block;
import dev.llmqa.site.Page;
import dev.llmqa.site.Spot;
import java.util.Set;

/** {@code ```jshell} transcripts, styled like a terminal: prompts, what was typed, what jshell printed. */
public final class TranscriptRenderer implements BlockRenderer {

    private final Snippets snippets;
    private final boolean reproducible;

    /** @param reproducible leave run times out (they differ between runs) */
    public TranscriptRenderer(Snippets snippets, boolean reproducible) {
        this.snippets = snippets;
        this.reproducible = reproducible;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(BlockInfo.JSHELL);
    }

    @Override
    public String render(Block block, Page page) {
        StringBuilder html = new StringBuilder("<div class=\"snippet transcript\">\n<pre class=\"terminal\"><code>");
        for (String line : block.code().split("\n", -1)) {
            if (line.startsWith(TranscriptBlock.PROMPT_MARK)) {
                html.append("<span class=\"prompt\">").append(Html.text(TranscriptBlock.PROMPT_MARK)).append("</span><kbd>")
                        .append(Html.text(line.substring(TranscriptBlock.PROMPT_MARK.length()))).append("</kbd>\n");
            } else if (line.stripLeading().startsWith(TranscriptBlock.CONTINUATION_MARK)) {
                int cut = line.indexOf(TranscriptBlock.CONTINUATION_MARK) + TranscriptBlock.CONTINUATION_MARK.length();
                html.append("<span class=\"prompt\">").append(Html.text(line.substring(0, cut))).append("</span><kbd>")
                        .append(Html.text(line.substring(cut))).append("</kbd>\n");
            } else if (!line.isEmpty()) {
                html.append("<samp>").append(Html.text(line)).append("</samp>\n");
            } else {
                html.append('\n');
            }
        }
        trimTrailingNewlines(html);
        html.append("</code></pre>\n");
        snippets.replayed(Spot.of(page, block)).ifPresent(r -> html
                .append("<p class=\"snippet-meta\">").append(Html.ran("replayed and checked", r.millis(), reproducible)).append("</p>\n"));
        return html.append("</div>").toString();
    }

    private static void trimTrailingNewlines(StringBuilder html) {
        while (html.charAt(html.length() - 1) == '\n') {
            html.setLength(html.length() - 1);
        }
    }
}
