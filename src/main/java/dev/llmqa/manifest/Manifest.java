package dev.llmqa.manifest;

import dev.llmqa.site.Written;
import java.util.Map;

/**
 * What a build wrote with JBake: every page file and listing (tag pages, sitemap) with the key of its inputs, the
 * digest of its bytes, and what the page reader took from it (ids, references, search sections), so the next build
 * can keep the file and skip reading it again.
 *
 * @param format      {@link #FORMAT}; a manifest of another format is not read
 * @param site        the site folder it describes (absolute)
 * @param listingsKey the key the listings were written with
 * @param pages       page files by path in the site
 * @param listings    listing files by path in the site
 */
public record Manifest(int format, String site, String listingsKey, Map<String, Entry> pages,
                       Map<String, Entry> listings) {

    /** Raised when what a manifest holds (or how keys are made) changes: older manifests then mean a full build. */
    public static final int FORMAT = 1;

    public Manifest {
        pages = Map.copyOf(pages);
        listings = Map.copyOf(listings);
    }

    /**
     * @param key     the digest of the file's inputs
     * @param digest  the digest of the file's bytes
     * @param written what the page reader took from it (null for a file it does not read)
     */
    public record Entry(String key, String digest, Written.File written) {
    }
}
