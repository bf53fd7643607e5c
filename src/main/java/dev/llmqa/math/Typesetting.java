package dev.llmqa.math;

import dev.llmqa.site.Spot;
import java.util.Map;
import java.util.Optional;

/** What the math stage typeset: each formula's KaTeX HTML, by the formula's place. */
public record Typesetting(Map<Spot, Typeset> byFormula) {

    public Typesetting {
        byFormula = Map.copyOf(byFormula);
    }

    public Optional<Typeset> at(Spot spot) {
        return Optional.ofNullable(byFormula.get(spot));
    }
}
