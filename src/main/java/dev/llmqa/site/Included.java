package dev.llmqa.site;

/**
 * What a {@code ```java include=FILE#REGION} block shows: the code of an example file's region (or of the whole
 * file, without region markers), and where it came from.
 *
 * @param code   the lines shown
 * @param file   the example file as people see it ("examples/08-kv-cache.jsh")
 * @param region the region's name, empty for the whole file
 */
public record Included(String code, String file, String region) {
}
