package dev.llmqa.snippet.pool;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A class-data sharing archive of what a worker JVM loads (javac, JShell, the worker's own classes), made by the tool
 * the first time it sees a JDK and worker class path and kept in a folder of the project's cache: a worker that maps
 * it skips parsing and verifying those classes at every start.
 *
 * <p>It is made by a JVM of its own that runs only the worker's warm-up snippets (never a page's), unsandboxed, with
 * {@code -XX:ArchiveClassesAtExit} into a temporary file that is renamed into place, with its SHA-256 beside it. It
 * is used only while that digest matches: the JVM ignores an archive made for another JDK or class path, but
 * crashes (SIGBUS) on a truncated one. The name holds a digest of the JDK, the JVM flags and the class path (paths,
 * sizes, times), so a new jar or JDK gets an archive of its own.
 */
final class ClassDataArchive {

    /** The training JVM runs the worker's warm-up for this many sessions: enough to load what pages load. */
    static final int TRAINING_SESSIONS = 1;
    /** Archives of other JDKs and jars are deleted when a new one is made, but for this many most recent. */
    static final int KEEP_OTHERS = 2;
    private static final String PREFIX = "worker-";
    private static final String SUFFIX = ".jsa";
    private static final String DIGEST_SUFFIX = ".sha256";
    private static final Duration STALE_TEMPORARY = Duration.ofMinutes(10);

    /** Archives whose digest matched in this process, by path, size and time: each is read once. */
    private static final Map<String, Boolean> VERIFIED = new ConcurrentHashMap<>();

    private final Path folder;
    private final Path file;
    private final WorkerOptions options;

    private ClassDataArchive(Path folder, Path file, WorkerOptions options) {
        this.folder = folder;
        this.file = file;
        this.options = options;
    }

    /**
     * The archive for these options in {@code folder}; empty when there is no folder or the class path has a
     * folder in it (the JVM archives classes from jars only, and refuses to write an archive otherwise).
     */
    static Optional<ClassDataArchive> in(Path folder, WorkerOptions options) {
        if (folder == null || options.sharedArchive() != null) {
            return Optional.empty();
        }
        List<Path> classPath = classPath(options);
        if (classPath.isEmpty() || !classPath.stream().allMatch(Files::isRegularFile)) {
            return Optional.empty();
        }
        return key(options, classPath).map(key -> new ClassDataArchive(folder, folder.resolve(PREFIX + key + SUFFIX),
                options));
    }

    Path file() {
        return file;
    }

    /** Whether the archive is there, whole and as it was written; a damaged one is deleted. */
    boolean usable() {
        try {
            if (!Files.isRegularFile(file)) {
                return false;
            }
            String seen = file + "\0" + Files.size(file) + "\0" + Files.getLastModifiedTime(file).toMillis();
            if (VERIFIED.containsKey(seen)) {
                return true;
            }
            Path digestFile = digestFile(file);
            String expected = Files.isRegularFile(digestFile) ? Files.readString(digestFile).strip() : "";
            if (expected.equals(sha256(file))) {
                VERIFIED.put(seen, true);
                return true;
            }
            delete(file);
            delete(digestFile);
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Starts the JVM that makes the archive; it is renamed into place when that JVM ends well. Empty when it
     * could not be started (the workers then simply run without).
     */
    Optional<Making> startMaking() {
        try {
            Files.createDirectories(folder);
            deleteStaleTemporaries();
            Path temporary = Files.createTempFile(folder, ".making-", SUFFIX);
            // the JVM writes the archive itself, and refuses to replace a file it did not make
            Files.delete(temporary);
            List<String> flags = new ArrayList<>(options.jvmOptions());
            flags.add("-XX:ArchiveClassesAtExit=" + temporary);
            // the archive then carries checksums of its regions, which installing checks once
            flags.add("-XX:+VerifySharedSpaces");
            flags.add("-Dllmqa.worker.warmUpSessions=" + TRAINING_SESSIONS);
            Sandbox.Launch launch = new Unsandboxed("making the worker class-data archive")
                    .prepare(options.withJvmOptions(flags));
            ProcessBuilder builder = launch.process()
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            Process process;
            try {
                process = builder.start();
            } catch (IOException | RuntimeException e) {
                launch.cleanup().run();
                throw e;
            }
            CompletableFuture<Void> done = process.onExit().thenRun(() -> {
                launch.cleanup().run();
                if (process.exitValue() == 0) {
                    install(temporary);
                } else {
                    delete(temporary);
                }
            });
            return Optional.of(new Making(process, done));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The JVM making the archive, and its end: installed, or given up. */
    record Making(Process process, CompletableFuture<Void> done) {

        /** Waits until the archive is made and installed; stops the JVM after {@code timeout}. */
        void finish(Duration timeout) {
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                }
                done.get(90, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                // best effort: what is left is a temporary file the next one deletes
            }
        }
    }

    /**
     * Once a JVM has mapped the new archive and checked its checksums: the digest first, then the archive, so a
     * reader sees no archive, or one with its digest beside it.
     */
    private void install(Path temporary) {
        try {
            if (!Files.isRegularFile(temporary) || Files.size(temporary) == 0 || !mapsWhole(temporary)) {
                delete(temporary);
                return;
            }
            Path digestTemporary = Files.createTempFile(folder, ".making-", DIGEST_SUFFIX);
            Files.writeString(digestTemporary, sha256(temporary) + "\n");
            move(digestTemporary, digestFile(file));
            move(temporary, file);
            deleteOthers();
        } catch (IOException | RuntimeException e) {
            delete(temporary);
        }
    }

    /**
     * Whether a JVM with the workers' flags maps {@code archive} and finds its checksums right ({@code -Xshare:on}
     * fails when it cannot map it; a truncated one makes it crash): what a write stopped by a full disk leaves.
     */
    private boolean mapsWhole(Path archive) {
        List<String> command = new ArrayList<>();
        command.add(options.java());
        command.addAll(options.jvmOptions());
        command.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-XX:+VerifySharedSpaces", "-Xshare:on", "-cp",
                options.classPath(), "-version"));
        ProcessBuilder check = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Sandbox.scrub(check.environment());
        try {
            Process process = check.start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Other JDKs' and jars' archives, but for the most recent few (a developer's jar changes with every build). */
    private void deleteOthers() throws IOException {
        List<Path> others;
        try (Stream<Path> files = Files.list(folder)) {
            others = files.filter(f -> isArchive(f) && !f.equals(file))
                    .sorted((a, b) -> modified(b).compareTo(modified(a))).toList();
        }
        for (Path old : others.subList(Math.min(KEEP_OTHERS, others.size()), others.size())) {
            delete(old);
            delete(digestFile(old));
        }
    }

    /** Temporary files of a making JVM that was stopped (killed with its build); a live one's are younger. */
    private void deleteStaleTemporaries() throws IOException {
        Instant before = Instant.now().minus(STALE_TEMPORARY);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (f.getFileName().toString().startsWith(".making-") && modified(f).toInstant().isBefore(before)) {
                    delete(f);
                }
            }
        }
    }

    private static boolean isArchive(Path f) {
        String name = f.getFileName().toString();
        return name.startsWith(PREFIX) && name.endsWith(SUFFIX);
    }

    private static FileTime modified(Path f) {
        try {
            return Files.getLastModifiedTime(f);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static Path digestFile(Path archive) {
        return archive.resolveSibling(archive.getFileName() + DIGEST_SUFFIX);
    }

    private static List<Path> classPath(WorkerOptions options) {
        List<Path> entries = new ArrayList<>();
        for (String entry : options.classPath().split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(Path.of(entry).toAbsolutePath().normalize());
            }
        }
        return entries;
    }

    /**
     * What the archive depends on: the JDK (its release file, module image and base archive), the JVM flags, and
     * each class path entry's path, size and time (the JVM checks the same).
     */
    private static Optional<String> key(WorkerOptions options, List<Path> classPath) {
        try {
            Path java = Path.of(options.java()).toRealPath();
            Path home = java.getParent().getParent();
            StringBuilder text = new StringBuilder("llmqa worker class-data archive 1\n").append(java).append('\n');
            Path release = home.resolve("release");
            if (Files.isRegularFile(release)) {
                text.append(Files.readString(release));
            }
            for (Path part : List.of(home.resolve("lib/modules"), home.resolve("lib/server/classes.jsa"))) {
                text.append(describe(part));
            }
            text.append(String.join(" ", options.jvmOptions())).append('\n');
            for (Path entry : classPath) {
                text.append(describe(entry));
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return Optional.of(HexFormat.of().formatHex(digest.digest(text.toString().getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 20));
        } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String describe(Path file) throws IOException {
        if (!Files.exists(file)) {
            return file + " -\n";
        }
        return file + " " + Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis() + "\n";
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            // a file we cannot delete is used by no one: its digest no longer matches, or it is a leftover
        }
    }
}
