package dev.llmqa.math;

import dev.llmqa.js.Pinned;
import dev.llmqa.problem.Problems;
import dev.llmqa.site.Site;
import dev.llmqa.site.Stage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Copies KaTeX's stylesheet and its woff2 fonts from the WebJar into the site (no CDN), when a page has math. */
public final class KatexAssets implements Stage {

    public static final String FOLDER = "css/katex/";
    private static final List<String> FONTS = List.of("AMS-Regular", "Caligraphic-Bold", "Caligraphic-Regular",
            "Fraktur-Bold", "Fraktur-Regular", "Main-Bold", "Main-BoldItalic", "Main-Italic", "Main-Regular",
            "Math-BoldItalic", "Math-Italic", "SansSerif-Bold", "SansSerif-Italic", "SansSerif-Regular",
            "Script-Regular", "Size1-Regular", "Size2-Regular", "Size3-Regular", "Size4-Regular", "Typewriter-Regular");
    @Override
    public Done run(Site site, Problems problems) throws IOException {
        if (site.pages().stream().allMatch(p -> p.formulas().isEmpty())) {
            return new Done(site, "no math");
        }
        Path target = site.staging().resolve(FOLDER);
        Files.createDirectories(target.resolve("fonts"));
        // only the woff2 fonts are shipped: every browser that runs the site reads them
        String css = Pinned.read(Pinned.KATEX_DIST + "katex.min.css").replaceAll(",url\\(fonts/[^)]+\\.woff\\)[^,;}]*", "")
                .replaceAll(",url\\(fonts/[^)]+\\.ttf\\)[^,;}]*", "");
        Files.writeString(target.resolve("katex.min.css"), css);
        for (String font : FONTS) {
            try (InputStream in = KatexAssets.class.getResourceAsStream(Pinned.KATEX_DIST + "fonts/KaTeX_" + font + ".woff2")) {
                if (in != null) {
                    Files.copy(in, target.resolve("fonts/KaTeX_" + font + ".woff2"));
                }
            }
        }
        return new Done(site, "KaTeX stylesheet and fonts");
    }

}
