package dev.llmqa.manifest;

import dev.llmqa.config.SiteConfig;
import dev.llmqa.site.BakePlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which files of the previous site a build keeps: those the manifest wrote with the key this build computes, whose
 * bytes are still the ones it wrote (a file changed or lost since is baked again). Without a usable manifest, or
 * with {@code --no-cache}, nothing is kept.
 */
public final class Keep {

    private Keep() {
    }

    /** The plan without any page's HTML: the caller renders what it bakes ({@link BakePlan#withHtml}). */
    public static BakePlan plan(SiteConfig config, Map<String, String> keys, String listingsKey) throws IOException {
        Optional<Manifest> previous = config.useCache() ? ManifestFile.read(config) : Optional.empty();
        Path out = config.out();
        if (previous.isEmpty() || !Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
            return new BakePlan(Map.of(), keys, listingsKey, null, Map.of(), true);
        }
        Manifest manifest = previous.get();
        Map<String, BakePlan.Kept> kept = new HashMap<>();
        for (Map.Entry<String, String> page : keys.entrySet()) {
            Manifest.Entry entry = manifest.pages().get(page.getKey());
            if (entry != null && page.getValue().equals(entry.key())) {
                verified(out, page.getKey(), entry).ifPresent(k -> kept.put(page.getKey(), k));
            }
        }
        boolean bakeListings = !listingsKey.equals(manifest.listingsKey()) || !keepAll(out, manifest.listings(), kept);
        return new BakePlan(Map.of(), keys, listingsKey, out, kept, bakeListings);
    }

    /** Keeps every listing, or none (they are baked together). */
    private static boolean keepAll(Path out, Map<String, Manifest.Entry> listings, Map<String, BakePlan.Kept> kept)
            throws IOException {
        Map<String, BakePlan.Kept> all = new HashMap<>();
        for (Map.Entry<String, Manifest.Entry> listing : listings.entrySet()) {
            Optional<BakePlan.Kept> file = verified(out, listing.getKey(), listing.getValue());
            if (file.isEmpty() || kept.containsKey(listing.getKey())) {
                return false;
            }
            all.put(listing.getKey(), file.get());
        }
        kept.putAll(all);
        return true;
    }

    private static Optional<BakePlan.Kept> verified(Path out, String path, Manifest.Entry entry) throws IOException {
        Path file = out.resolve(path).normalize();
        boolean usable = file.startsWith(out) && !file.equals(out) && entry.digest() != null
                && (entry.written() != null || !path.endsWith(".html"))
                && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
        if (!usable || !Digest.ofFile(file).equals(entry.digest())) {
            return Optional.empty();
        }
        return Optional.of(new BakePlan.Kept(entry.digest(), entry.written()));
    }
}
