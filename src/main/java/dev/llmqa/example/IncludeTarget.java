package dev.llmqa.example;

import dev.llmqa.site.BlockInfo;

import dev.llmqa.site.Block;
import java.util.Optional;

/**
 * What a {@code ```java include=FILE#REGION} block shows: a file of examples/ and, after {@code #}, a region of it
 * (empty for the whole file).
 */
public record IncludeTarget(String file, String region) {

    /** The block's include target, or empty when it has no {@code include=}. */
    public static Optional<IncludeTarget> of(Block block) {
        return block.info().attribute(BlockInfo.INCLUDE).map(IncludeTarget::parse);
    }

    static IncludeTarget parse(String target) {
        int hash = target.indexOf('#');
        return hash < 0 ? new IncludeTarget(target, "") : new IncludeTarget(target.substring(0, hash), target.substring(hash + 1));
    }

    public boolean wholeFile() {
        return region.isEmpty();
    }
}
