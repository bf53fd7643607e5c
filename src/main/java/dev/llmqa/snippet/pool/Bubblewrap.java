package dev.llmqa.snippet.pool;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs each worker JVM under bubblewrap: new user, PID, network (no interface but its own loopback), IPC, UTS and
 * cgroup namespaces; a read-only root that holds only the system libraries, the JDK and the worker's class path;
 * a private home and working directory on a size-limited tmpfs; no variable of the build; a limit on tasks.
 *
 * <p>RLIMIT_NPROC does not bind root, so when the build runs as root the worker is started as {@code nobody}
 * ({@code setpriv}); in the worker's own user namespace the limit counts only that worker's threads and processes.
 */
final class Bubblewrap implements Sandbox {

    /** The tmpfs that holds the worker's home, working directory and temp files. */
    static final long TMPFS_BYTES = 64L * 1024 * 1024;
    /** Threads and processes one worker may have: a JVM with JShell uses about 30. */
    static final int TASKS = 512;
    static final String HOME = "/tmp/home";
    static final String WORK = "/tmp/work";
    private static final Path TMP = Path.of("/tmp");

    private static final int NOBODY = 65534;

    private final Path bwrap;
    private final Path prlimit;
    private final Path setpriv;

    private Bubblewrap(Path bwrap, Path prlimit, Path setpriv) {
        this.bwrap = bwrap;
        this.prlimit = prlimit;
        this.setpriv = setpriv;
    }

    /** bubblewrap and the util-linux tools it needs, on {@code path}; empty when one is missing. */
    static Optional<Bubblewrap> find(String path) {
        Optional<Path> bwrap = which("bwrap", path);
        Optional<Path> prlimit = which("prlimit", path);
        Optional<Path> setpriv = which("setpriv", path);
        if (bwrap.isEmpty() || prlimit.isEmpty() || (runsAsRoot() && setpriv.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new Bubblewrap(bwrap.get(), prlimit.get(), setpriv.orElse(null)));
    }

    /** Which tool is missing, and how to get it. */
    static String missing(String path) {
        if (which("bwrap", path).isEmpty()) {
            return "bwrap (bubblewrap) is not on the PATH; install it (apt-get install bubblewrap)";
        }
        return (which("prlimit", path).isEmpty() ? "prlimit" : "setpriv")
                + " (util-linux) is not on the PATH; install util-linux";
    }

    /** Starts a sandboxed {@code java -version}: empty if it ran, else what bubblewrap said. */
    Optional<String> tryOnce(WorkerOptions options) {
        List<String> command = new ArrayList<>(prefix(options));
        command.add(options.java());
        command.add("-Xshare:auto");
        command.add("-version");
        ProcessBuilder probe = new ProcessBuilder(command).redirectErrorStream(true);
        probe.environment().clear();
        try {
            Process process = probe.start();
            process.getOutputStream().close();
            byte[] said = process.getInputStream().readNBytes(4096);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.of("bubblewrap did not start a JVM within 60 s");
            }
            if (process.exitValue() != 0) {
                String first = new String(said, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
                return Optional.of("bubblewrap cannot make a sandbox here (" + first
                        + "); user namespaces may be disabled (a container without them, or "
                        + "kernel.apparmor_restrict_unprivileged_userns=1)");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("bubblewrap could not be started: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while trying bubblewrap");
        }
    }

    @Override
    public Launch prepare(WorkerOptions options) {
        if (options.sharedArchive() != null && !visibleAsWorker(options.sharedArchive())) {
            // a project in a folder only root may enter: its class-data archive stays out, the worker starts without
            options = options.sharing(null);
        }
        List<String> command = new ArrayList<>(prefix(options));
        // the host's zone by name: the sandbox has no /etc/timezone or zoneinfo to find it by
        command.addAll(options.command(List.of("-Duser.home=" + HOME, "-Djava.io.tmpdir=/tmp",
                "-Duser.timezone=" + TimeZone.getDefault().getID())));
        ProcessBuilder process = new ProcessBuilder(command);
        // the sandbox's PID 1 is a fork of bwrap, whose environment a snippet can read in /proc/1/environ
        Sandbox.scrub(process.environment());
        return new Launch(process, () -> { });
    }

    @Override
    public Isolation isolation() {
        return new Isolation(true, "bubblewrap");
    }

    /** Everything before the java command: the user switch, bwrap and its mounts, the task limit. */
    private List<String> prefix(WorkerOptions options) {
        List<String> args = new ArrayList<>();
        if (setpriv != null && runsAsRoot()) {
            args.addAll(List.of(setpriv.toString(), "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        }
        args.addAll(List.of(bwrap.toString(), "--unshare-all", "--unshare-user", "--die-with-parent",
                "--new-session", "--clearenv", "--hostname", "sandbox"));
        Map<String, String> kept = new ProcessBuilder().environment();
        Sandbox.scrub(kept);
        kept.forEach((name, value) -> args.addAll(List.of("--setenv", name, value)));
        args.addAll(List.of("--setenv", "HOME", HOME, "--setenv", "TMPDIR", "/tmp", "--setenv", "PATH", "/usr/bin"));
        for (String system : List.of("/usr/lib", "/usr/lib64", "/lib", "/lib64")) {
            Path dir = Path.of(system);
            if (Files.isSymbolicLink(dir)) {
                args.addAll(List.of("--symlink", readLink(dir), system));
            } else if (Files.isDirectory(dir)) {
                args.addAll(List.of("--ro-bind", system, system));
            }
        }
        args.addAll(List.of("--ro-bind", prlimit.toString(), "/usr/bin/prlimit"));
        args.addAll(List.of("--proc", "/proc", "--dir", "/dev"));
        for (String device : List.of("null", "zero", "random", "urandom")) {
            args.addAll(List.of("--dev-bind", "/dev/" + device, "/dev/" + device));
        }
        args.addAll(List.of("--symlink", "/proc/self/fd", "/dev/fd", "--symlink", "/proc/self/fd/0", "/dev/stdin",
                "--symlink", "/proc/self/fd/1", "/dev/stdout", "--symlink", "/proc/self/fd/2", "/dev/stderr"));
        args.addAll(List.of("--size", Long.toString(TMPFS_BYTES), "--tmpfs", "/tmp", "--dir", HOME, "--dir", WORK));
        Set<Path> readOnly = readOnly(options);
        // a project under /tmp (its classes, its archive) would sit in the writable tmpfs, folders around them too:
        // each top folder of /tmp that holds one becomes a tmpfs of its own, made read-only once they are bound
        Set<Path> tops = new LinkedHashSet<>();
        for (Path path : readOnly) {
            if (path.startsWith(TMP) && path.getNameCount() > 1) {
                Path top = TMP.resolve(path.getName(1));
                if (!top.equals(Path.of(HOME)) && !top.equals(Path.of(WORK)) && tops.add(top)) {
                    args.addAll(List.of("--tmpfs", top.toString()));
                }
            }
        }
        for (Path path : readOnly) {
            args.addAll(List.of("--ro-bind", path.toString(), path.toString()));
        }
        tops.forEach(top -> args.addAll(List.of("--remount-ro", top.toString())));
        args.addAll(List.of("--chdir", WORK, "--remount-ro", "/", "--"));
        args.addAll(List.of("/usr/bin/prlimit", "--nproc=" + TASKS, "--"));
        return args;
    }

    /**
     * The JDK, what its links point to outside it (Debian keeps conf/ in /etc), the worker's class path and its
     * class-data archive.
     */
    private static Set<Path> readOnly(WorkerOptions options) {
        Set<Path> paths = new LinkedHashSet<>();
        Path javaHome = realPath(Path.of(options.java())).getParent().getParent();
        paths.add(javaHome);
        for (String sub : List.of("conf", "lib")) {
            Path dir = javaHome.resolve(sub);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(Files::isSymbolicLink).map(Bubblewrap::realPath)
                        .filter(target -> !target.startsWith(javaHome) && Files.exists(target))
                        .forEach(paths::add);
            } catch (IOException e) {
                // an unreadable part of the JDK stays out of the sandbox; the probe shows if the JVM needs it
            }
        }
        for (String entry : options.classPath().split(File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath().normalize();
            if (Files.exists(path)) {
                paths.add(path);
            }
        }
        if (options.sharedArchive() != null && Files.isRegularFile(options.sharedArchive())) {
            paths.add(options.sharedArchive().toAbsolutePath().normalize());
        }
        return paths;
    }

    /**
     * Whether bubblewrap can bind {@code file}: it resolves the paths as the worker's user, {@code nobody} when the
     * build runs as root, who needs every folder above it open to others and the file readable.
     */
    private boolean visibleAsWorker(Path file) {
        if (setpriv == null || !runsAsRoot()) {
            return Files.isReadable(file);
        }
        try {
            Path real = file.toRealPath();
            if (!Files.getPosixFilePermissions(real).contains(PosixFilePermission.OTHERS_READ)) {
                return false;
            }
            for (Path folder = real.getParent(); folder != null; folder = folder.getParent()) {
                if (!Files.getPosixFilePermissions(folder).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            }
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return link.toString();
        }
    }

    private static Optional<Path> which(String tool, String path) {
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir, tool)).filter(Files::isExecutable).findFirst();
    }

    /** RLIMIT_NPROC does not apply to root: read the effective uid from /proc. */
    static boolean runsAsRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("Uid:"))
                    .map(line -> line.split("\\s+")[2]).anyMatch("0"::equals);
        } catch (IOException e) {
            return false;
        }
    }
}
