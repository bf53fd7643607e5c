package dev.llmqa.js;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqa.config.SiteConfig;
import dev.llmqa.content.Scan;
import dev.llmqa.highlight.CodeBlockRenderer;
import dev.llmqa.problem.Problems;
import dev.llmqa.site.Block;
import dev.llmqa.site.Formula;
import dev.llmqa.site.Included;
import dev.llmqa.site.Page;
import dev.llmqa.site.Site;
import dev.llmqa.snippet.render.JavaBlockRenderer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Whichever engine runs, the site is the same bytes: every formula and shown code block of content/, both ways. */
@Tag("integration")
class EnginesAgreeTest {

    /** Invalid TeX of several kinds: the problem text must not depend on the engine either. */
    private static final List<JsEngine.Tex> BAD_TEX = List.of(new JsEngine.Tex("\\frac{a", false),
            new JsEngine.Tex("\\undefinedmacro x", false), new JsEngine.Tex("x^", true), new JsEngine.Tex("\\left( x", true),
            new JsEngine.Tex("a & b", false), new JsEngine.Tex("\\begin{matrix} a \\end{pmatrix}", true),
            new JsEngine.Tex("}", false), new JsEngine.Tex("\\text{é ∑ ü} \\unknown", false));

    @Test
    void node_and_graaljs_give_the_same_html_for_every_formula_and_code_block_of_the_site() throws Exception {
        assertThat(JsEngines.onPath("node", System.getenv().getOrDefault("PATH", "")))
                .as("node on the PATH (install Node.js 18 or newer: this test compares it with GraalJS)").isTrue();
        Site site = new Scan().run(Site.start(SiteConfig.of(Path.of(""))), new Problems()).site();
        List<JsEngine.Tex> formulas = new ArrayList<>(formulas(site));
        List<JsEngine.Code> blocks = new ArrayList<>(blocks(site));
        assertThat(formulas).hasSizeGreaterThan(100);
        assertThat(blocks).hasSizeGreaterThan(30);
        formulas.addAll(List.of(new JsEngine.Tex("", false), new JsEngine.Tex("\\text{é ∑ ü}", false)));
        formulas.addAll(BAD_TEX);
        blocks.add(new JsEngine.Code("x = 1", "no-such-language"));

        try (NodeJs node = new NodeJs(); GraalJs graal = new GraalJs()) {
            List<JsEngine.TexResult> onNode = node.typeset(formulas);
            List<JsEngine.TexResult> onGraal = graal.typeset(formulas);
            for (int i = 0; i < formulas.size(); i++) {
                assertThat(onNode.get(i)).as(formulas.get(i).tex()).isEqualTo(onGraal.get(i));
            }
            assertThat(onNode.subList(formulas.size() - BAD_TEX.size(), formulas.size()))
                    .allSatisfy(r -> assertThat(r.error()).startsWith("KaTeX parse error: "));
            List<Optional<String>> highlightedOnNode = node.highlight(blocks);
            List<Optional<String>> highlightedOnGraal = graal.highlight(blocks);
            for (int i = 0; i < blocks.size(); i++) {
                assertThat(highlightedOnNode.get(i)).as(blocks.get(i).language() + ": " + blocks.get(i).code())
                        .isEqualTo(highlightedOnGraal.get(i));
            }
            assertThat(highlightedOnNode.subList(0, blocks.size() - 1)).allSatisfy(h -> assertThat(h).isPresent());
            assertThat(highlightedOnNode.get(blocks.size() - 1)).isEmpty();
        }
    }

    static Set<JsEngine.Tex> formulas(Site site) {
        Set<JsEngine.Tex> formulas = new LinkedHashSet<>();
        for (Page page : site.pages()) {
            for (Formula formula : page.formulas()) {
                formulas.add(new JsEngine.Tex(formula.tex(), formula.display()));
            }
        }
        return formulas;
    }

    /** The blocks the pipeline highlights: the kinds its renderers show highlighted, include= code whole. */
    static Set<JsEngine.Code> blocks(Site site) {
        Set<String> kinds = new HashSet<>(JavaBlockRenderer.KINDS);
        kinds.addAll(CodeBlockRenderer.KINDS);
        Set<JsEngine.Code> blocks = new LinkedHashSet<>();
        for (Page page : site.pages()) {
            for (Block block : page.blocks()) {
                if (kinds.contains(block.kind())) {
                    blocks.add(new JsEngine.Code(block.included().map(Included::code).orElse(block.code()), block.kind()));
                }
            }
        }
        return blocks;
    }
}
