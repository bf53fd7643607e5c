package dev.llmqa.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 over parts, each length-prefixed so no two different lists of parts give one digest. */
final class Digest {

    private final MessageDigest sha;

    /** @param what names what is digested, so two kinds of key over the same parts differ */
    Digest(String what) {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        add(what);
    }

    Digest add(String part) {
        return add(part.getBytes(StandardCharsets.UTF_8));
    }

    Digest add(boolean part) {
        return add(Boolean.toString(part));
    }

    Digest add(byte[] part) {
        sha.update(Integer.toString(part.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(part);
        return this;
    }

    String hex() {
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The digest of a file's bytes, read in pieces (an output file can be large). */
    static String ofFile(Path file) throws IOException {
        MessageDigest sha = new Digest("").sha;
        sha.reset();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
