package dev.llmqa.manifest;

import dev.llmqa.site.Site;
import dev.llmqa.site.Written;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The manifest of a finished staging folder: what the render stage wrote, as the pages' readers found it. */
public final class Outputs {

    private Outputs() {
    }

    public static Manifest manifest(Site site) throws IOException {
        return new Manifest(Manifest.FORMAT, site.config().out().toString(), site.baked().listingsKey(),
                entries(site, site.baked().pages()), entries(site, site.baked().listings()));
    }

    private static Map<String, Manifest.Entry> entries(Site site, Map<String, String> keys) throws IOException {
        Map<String, Manifest.Entry> entries = new HashMap<>();
        for (Map.Entry<String, String> output : keys.entrySet()) {
            Path file = site.staging().resolve(output.getKey());
            if (Files.isRegularFile(file)) {
                Written.File written = site.written().files().get(file);
                entries.put(output.getKey(), new Manifest.Entry(output.getValue(), Digest.ofFile(file), written));
            }
        }
        return entries;
    }
}
