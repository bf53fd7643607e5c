package dev.llmqa.site;

import java.util.Map;

/**
 * The files the render stage put in the staging folder (baked or kept) with the key of their inputs: what the next
 * build's manifest records.
 *
 * @param pages    the page files, by path in the site
 * @param listings the tag pages and sitemap, by path in the site
 * @param listingsKey the key all listings share
 */
public record Baked(Map<String, String> pages, Map<String, String> listings, String listingsKey) {

    public Baked {
        pages = Map.copyOf(pages);
        listings = Map.copyOf(listings);
    }

    public static Baked none() {
        return new Baked(Map.of(), Map.of(), "");
    }
}
