package dev.llmqa.diagram;

import dev.llmqa.execute.Executor;
import dev.llmqa.problem.Problem;
import dev.llmqa.problem.Problems;
import dev.llmqa.site.Block;
import dev.llmqa.site.Page;
import dev.llmqa.site.Spot;
import dev.llmqa.site.Site;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Draws every {@code mermaid} block: from the committed store when its SVG is there, else with the renderer
 * (all missing diagrams in one batch), storing what it draws. Without a renderer a missing diagram is drawn in
 * the browser, with a warning at its line ({@code --strict-diagrams}: an error).
 */
public final class DiagramExecutor implements Executor<Drawings> {

    public static final String MERMAID_CLI_VERSION = "11.17.0";
    private static final Pattern PARSE_LINE = Pattern.compile("on line (\\d+)");

    private final Function<Site, DiagramRenderer> renderers;
    private final CheckedSvgs checked;

    public DiagramExecutor(Function<Site, DiagramRenderer> renderers) {
        this(renderers, CheckedSvgs.none());
    }

    /** @param checked the stored SVGs earlier builds found sound (the preview server's; none for one build) */
    public DiagramExecutor(Function<Site, DiagramRenderer> renderers, CheckedSvgs checked) {
        this.renderers = renderers;
        this.checked = checked;
    }

    @Override
    public String name() {
        return "diagrams";
    }

    /** Every diagram of the site, with its store key. */
    public static List<Diagram> diagrams(Site site) {
        String config = read(site.config().mermaidTool().resolve("mermaid-config.json"));
        List<Diagram> diagrams = new ArrayList<>();
        for (Page page : site.pages()) {
            for (Block block : page.blocks()) {
                if (Diagram.KIND.equals(block.kind())) {
                    diagrams.add(Diagram.of(page, block, MERMAID_CLI_VERSION, config));
                }
            }
        }
        return diagrams;
    }

    @Override
    public Done<Drawings> execute(Site site, Problems problems) {
        DiagramStore store = new DiagramStore(site.config().diagrams(), checked);
        Map<Spot, Drawings.Drawn> drawn = new HashMap<>();
        Map<Spot, Drawings.InBrowser> inBrowser = new HashMap<>();
        List<Diagram> missing = new ArrayList<>();
        Map<Diagram, DiagramStore.Stored.Damaged> damaged = new LinkedHashMap<>();
        for (Diagram diagram : diagrams(site)) {
            DiagramStore.Stored stored = store.read(diagram.key());
            if (stored instanceof DiagramStore.Stored.Good good) {
                drawn.put(diagram.spot(), new Drawings.Drawn(good.svg(), diagram.title()));
            } else {
                missing.add(diagram);
                if (stored instanceof DiagramStore.Stored.Damaged bad) {
                    damaged.put(diagram, bad);
                }
            }
        }
        int stored = drawn.size();
        if (!missing.isEmpty()) {
            draw(site, missing, damaged, store, drawn, inBrowser, problems);
        }
        String summary = stored + " stored, " + (drawn.size() - stored) + " drawn"
                + (inBrowser.isEmpty() ? "" : ", " + inBrowser.size() + " left to the browser");
        return new Done<>(new Drawings(drawn, inBrowser), summary);
    }

    /**
     * Draws the missing and damaged diagrams. A damaged stored SVG is a warning when it can be drawn again and
     * replaced; when it cannot, an error at the diagram: the browser fallback is for diagrams not yet stored, not
     * for a committed file that went bad.
     */
    private void draw(Site site, List<Diagram> missing, Map<Diagram, DiagramStore.Stored.Damaged> damaged,
                      DiagramStore store, Map<Spot, Drawings.Drawn> drawn, Map<Spot, Drawings.InBrowser> inBrowser,
                      Problems problems) {
        DiagramRenderer renderer = renderers.apply(site);
        Optional<String> unavailable = renderer.unavailable();
        if (unavailable.isPresent()) {
            damaged.forEach((diagram, bad) -> problems.add(cannotRedraw(site, diagram, bad, unavailable.get())));
            leaveToBrowser(site, missing.stream().filter(d -> !damaged.containsKey(d)).toList(), unavailable.get(),
                    inBrowser, problems);
            return;
        }
        Set<Path> warned = new HashSet<>();
        damaged.values().stream().filter(bad -> warned.add(bad.file())).forEach(bad -> problems.warn(Problem.at(
                site.config().display(bad.file()), 0, "damaged stored diagram, not used: " + bad.why()
                        + "; it is drawn again and replaced",
                "Commit the redrawn file (git diff shows whether it differs from the committed one).")));
        List<DiagramRenderer.Rendered> rendered = renderer.render(missing);
        for (int i = 0; i < missing.size(); i++) {
            Diagram diagram = missing.get(i);
            DiagramRenderer.Rendered one = rendered.get(i);
            if (!one.ok()) {
                problems.add(problem(diagram, one.error()));
                continue;
            }
            try {
                store.put(diagram.key(), one.svg());
            } catch (IOException e) {
                problems.add(Problem.at("diagrams", 0, "cannot write the diagram store: " + e.getMessage(),
                        "Check that diagrams/ is writable."));
            }
            drawn.put(diagram.spot(), new Drawings.Drawn(one.svg(), diagram.title()));
        }
    }

    private static Problem cannotRedraw(Site site, Diagram diagram, DiagramStore.Stored.Damaged bad, String why) {
        String file = site.config().display(bad.file());
        return Problem.at(diagram.spot().path(), diagram.spot().line(),
                "the stored SVG of this diagram, " + file + ", is damaged (" + bad.why() + ") and cannot be drawn again"
                        + " here (" + why + ")",
                "Restore it with git checkout -- " + file + ", or install the Mermaid CLI (see README) and build again"
                        + " to draw and replace it.");
    }

    private static void leaveToBrowser(Site site, List<Diagram> missing, String why, Map<Spot, Drawings.InBrowser> inBrowser,
                                       Problems problems) {
        for (Diagram diagram : missing) {
            Problem problem = Problem.at(diagram.spot().path(), diagram.spot().line(),
                    "this diagram has no stored SVG and cannot be drawn here (" + why + ")",
                    "Install the Mermaid CLI (see README) and build once to store its SVG in diagrams/;"
                            + " until then the page draws it in the browser with mermaid.js.");
            if (site.config().strictDiagrams()) {
                problems.add(problem);
            } else {
                problems.warn(problem);
                inBrowser.put(diagram.spot(), new Drawings.InBrowser(diagram.source(), diagram.title()));
            }
        }
    }

    /** mmdc says "Parse error on line N"; N counts the diagram's lines and may point past its end. */
    static Problem problem(Diagram diagram, String error) {
        Matcher line = PARSE_LINE.matcher(error);
        int at = line.find() ? diagram.fileLine(Integer.parseInt(line.group(1))) : diagram.spot().line();
        String message = String.join("\n   ", error.strip().lines().map(String::stripTrailing).toList());
        String hint = error.startsWith(MermaidCli.FAILED)
                ? "Run the renderer by hand to see why: " + MermaidCli.BY_HAND
                : "Fix the diagram's syntax (https://mermaid.js.org/intro/syntax-reference.html); preview with ./llmqa serve.";
        return Problem.at(diagram.spot().path(), at, "mermaid: " + message, hint);
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
