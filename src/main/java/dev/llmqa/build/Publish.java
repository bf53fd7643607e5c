package dev.llmqa.build;

import dev.llmqa.manifest.Manifest;
import dev.llmqa.manifest.ManifestFile;
import dev.llmqa.manifest.Outputs;
import dev.llmqa.manifest.StampFile;
import dev.llmqa.execute.TextCache;
import dev.llmqa.problem.Problem;
import dev.llmqa.problem.Problems;
import dev.llmqa.site.Site;
import dev.llmqa.site.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The publish stage: swaps the finished staging folder into place. The old site is moved aside, the new one
 * moved in, then the old one deleted; both moves are renames within one folder, so readers never see a
 * half-written site, and a build that failed earlier never gets here. The manifest of what was written is saved
 * after the swap, the previous one deleted before it, with the previous build's stamp: a build stopped in between
 * leaves neither (the next build then renders everything), never one that describes another site.
 */
public final class Publish implements Stage {

    @Override
    public Done run(Site site, Problems problems) throws IOException {
        Manifest manifest = Outputs.manifest(site);
        // no manifest may describe a site it did not write: the old one goes first, the new one follows the swap
        ManifestFile.delete(site.config());
        StampFile.delete(site.config());
        swap(site.staging(), site.config().out());
        try {
            ManifestFile.write(site.config(), manifest);
        } catch (IOException e) {
            // the site is published; without a manifest the next build renders every page again
            problems.warn(Problem.at(site.config().display(site.config().cache()), 0, "cannot store cache entries ("
                    + TextCache.reason(e) + "): what this build computed is computed again next build",
                    "Free some disk space, or check that " + site.config().display(site.config().cache()) + "/ is writable."));
        }
        return new Done(site.withStaging(null), "to " + site.config().display(site.config().out()) + "/");
    }


    static void swap(Path staging, Path out) throws IOException {
        Path old = null;
        if (Files.exists(out)) {
            old = Files.createTempDirectory(out.getParent(), "." + out.getFileName() + ".old-");
            Files.delete(old);
            Files.move(out, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (old != null) {
                Files.move(old, out, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        if (old != null) {
            Folders.delete(old);
        }
    }
}
