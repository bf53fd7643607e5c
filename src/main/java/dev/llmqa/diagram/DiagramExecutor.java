package dev.llmqa.diagram;

import dev.llmqa.execute.Executor;
import dev.llmqa.problem.Problem;
import dev.llmqa.problem.Problems;
import dev.llmqa.site.Block;
import dev.llmqa.site.Page;
import dev.llmqa.site.Results;
import dev.llmqa.site.Site;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Draws every {@code mermaid} block: from the committed store when its SVG is there, else with the renderer
 * (all missing diagrams in one batch), storing what it draws. Without a renderer a missing diagram is drawn in
 * the browser, with a warning at its line ({@code --strict-diagrams}: an error).
 */
public final class DiagramExecutor implements Executor {

    public static final String MERMAID_CLI_VERSION = "11.17.0";
    private static final Pattern PARSE_LINE = Pattern.compile("on line (\\d+)");

    private final Function<Site, DiagramRenderer> renderers;
    private int stored;
    private int drawn;
    private int inBrowser;

    public DiagramExecutor(Function<Site, DiagramRenderer> renderers) {
        this.renderers = renderers;
    }

    @Override
    public String name() {
        return "diagrams";
    }

    @Override
    public String summary() {
        return stored + " stored, " + drawn + " drawn" + (inBrowser > 0 ? ", " + inBrowser + " left to the browser" : "");
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
    public Results execute(Site site, Problems problems) {
        DiagramStore store = new DiagramStore(site.config().diagrams());
        Results results = Results.empty();
        List<Diagram> missing = new ArrayList<>();
        stored = 0;
        for (Diagram diagram : diagrams(site)) {
            Optional<String> svg = store.get(diagram.key());
            if (svg.isPresent()) {
                results = results.with(diagram.spot(), Drawings.Drawn.class, new Drawings.Drawn(svg.get(), diagram.title()));
                stored++;
            } else {
                missing.add(diagram);
            }
        }
        drawn = 0;
        inBrowser = 0;
        if (missing.isEmpty()) {
            return results;
        }
        DiagramRenderer renderer = renderers.apply(site);
        Optional<String> unavailable = renderer.unavailable();
        if (unavailable.isPresent()) {
            return leaveToBrowser(site, missing, unavailable.get(), results, problems);
        }
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
            results = results.with(diagram.spot(), Drawings.Drawn.class, new Drawings.Drawn(one.svg(), diagram.title()));
            drawn++;
        }
        return results;
    }

    private Results leaveToBrowser(Site site, List<Diagram> missing, String why, Results results, Problems problems) {
        Results updated = results;
        for (Diagram diagram : missing) {
            Problem problem = Problem.at(diagram.spot().path(), diagram.spot().line(),
                    "this diagram has no stored SVG and cannot be drawn here (" + why + ")",
                    "Install the Mermaid CLI (see README) and build once to store its SVG in diagrams/;"
                            + " until then the page draws it in the browser with mermaid.js.");
            if (site.config().strictDiagrams()) {
                problems.add(problem);
            } else {
                problems.warn(problem);
                updated = updated.with(diagram.spot(), Drawings.InBrowser.class,
                        new Drawings.InBrowser(diagram.source(), diagram.title()));
                inBrowser++;
            }
        }
        return updated;
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
