package dev.llmqa.site;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The written site as the stages after rendering need it, read once: for every HTML file, the ids it has, the files it
 * references, and (for a page) its search sections. Each file is parsed once, by the stage that makes this.
 *
 * @param files by file in the staging folder, in file order
 */
public record Written(Map<Path, File> files) {

    public Written {
        files = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(files));
    }

    public static Written none() {
        return new Written(Map.of());
    }

    /** What a reference names: a page or anchor, an image, a media file, or an asset (stylesheet, script). */
    public enum Kind { LINK, IMAGE, MEDIA, ASSET }

    /** One URL an attribute of the file names. */
    public record Reference(Kind kind, String url) {
    }

    /** A part of a page for the search index: a heading and the text up to the next. */
    public record Section(String id, String page, String section, String text) {
    }

    /**
     * @param ids        every element id, which anchors pointing at the file may name
     * @param references every URL it names, in document order
     * @param sections   its search sections (none for a file that is no published page)
     */
    public record File(Set<String> ids, List<Reference> references, List<Section> sections) {
        public File {
            ids = Set.copyOf(ids);
            references = List.copyOf(references);
            sections = List.copyOf(sections);
        }
    }
}
