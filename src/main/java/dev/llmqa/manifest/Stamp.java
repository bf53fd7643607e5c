package dev.llmqa.manifest;

import java.util.Map;

/**
 * The last build of a site folder that published without a problem or a warning: its {@link Inputs}, and every
 * file it left in the folder with its size and time, so a build that would read the same inputs can see the site
 * is still the one that build wrote, and do nothing.
 *
 * <p>It is kept per site folder, in the format of {@link Manifest#FORMAT}: {@link StampFile} reads no other.
 *
 * @param inputs what the build read
 * @param files  every file of the site folder by its path in it
 */
public record Stamp(Inputs inputs, Map<String, Stamp.File> files) {

    public Stamp {
        files = Map.copyOf(files);
    }

    /** @param modified the file's time, in milliseconds */
    public record File(long size, long modified) {
    }
}
