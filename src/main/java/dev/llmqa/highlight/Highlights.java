package dev.llmqa.highlight;

import dev.llmqa.site.Spot;
import java.util.Map;
import java.util.Optional;

/** What the highlight stage made: each shown code block's highlighted HTML, by the block's place. */
public record Highlights(Map<Spot, Highlighted> byBlock) {

    public Highlights {
        byBlock = Map.copyOf(byBlock);
    }

    public Optional<Highlighted> at(Spot spot) {
        return Optional.ofNullable(byBlock.get(spot));
    }
}
