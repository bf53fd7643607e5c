package dev.llmqa.diagram;

import java.util.List;
import java.util.Optional;

/** The port: draws diagrams to SVG. The Mermaid CLI adapter and test fakes implement it. */
public interface DiagramRenderer {

    /** Empty when the renderer can run here, else why not (e.g. "Node is not installed"). */
    Optional<String> unavailable();

    /** One result per diagram, in order; a bad diagram never hides the others' results. */
    List<Rendered> render(List<Diagram> diagrams);

    /** An SVG, or the renderer's error message for that diagram. */
    record Rendered(String svg, String error) {
        public static Rendered ok(String svg) {
            return new Rendered(svg, null);
        }

        public static Rendered failed(String error) {
            return new Rendered(null, error);
        }

        public boolean ok() {
            return svg != null;
        }
    }
}
