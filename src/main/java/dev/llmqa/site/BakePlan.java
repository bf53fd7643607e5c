package dev.llmqa.site;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the render stage bakes and what it keeps of the previous site, decided by comparing each output's key (a
 * digest of all its inputs) with the key the previous build wrote it with.
 *
 * @param html          the HTML parts of every published page the render stage bakes (and of the others when a
 *                      template shows other pages' bodies), by page URI
 * @param keys          every published page's key, by page URI
 * @param listingsKey   the key of what JBake writes besides the pages (tag pages, sitemap)
 * @param previous      the previous site the kept files are copied from (null: nothing is kept)
 * @param kept          the files taken over from the previous site, by path in the site; each was checked to be
 *                      the file the previous build wrote
 * @param bakeListings  whether the tag pages and the sitemap are baked (else the kept ones are their copies)
 */
public record BakePlan(Map<String, PageHtml> html, Map<String, String> keys, String listingsKey, Path previous,
                       Map<String, Kept> kept, boolean bakeListings) {

    public BakePlan {
        html = Map.copyOf(html);
        keys = Map.copyOf(keys);
        kept = Map.copyOf(kept);
    }

    public static BakePlan none() {
        return new BakePlan(Map.of(), Map.of(), "", null, Map.of(), true);
    }

    public BakePlan withHtml(Map<String, PageHtml> rendered) {
        return new BakePlan(rendered, keys, listingsKey, previous, kept, bakeListings);
    }

    /** A file of the previous site this build keeps: its digest, and what the page readers took from it. */
    public record Kept(String digest, Written.File written) {
    }

    /** The published pages whose key changed (or that are new): the ones JBake renders. */
    public Set<String> pagesToBake() {
        return keys.keySet().stream().filter(uri -> !kept.containsKey(uri)).collect(Collectors.toSet());
    }

    /** Nothing to render: JBake (and its database) is not needed at all. */
    public boolean nothingToBake() {
        return !bakeListings && pagesToBake().isEmpty();
    }
}
