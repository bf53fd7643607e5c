package dev.llmqa.snippet.pool;

import dev.llmqa.snippet.worker.Worker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How worker JVMs are started.
 *
 * @param java           the java launcher
 * @param classPath      class path holding {@link Worker} (by default only where Worker's classes are: the worker
 *                       needs nothing else, and the sandbox shows it nothing else)
 * @param jvmOptions     memory cap, GC, JIT and class-data-sharing flags
 * @param pagesPerWorker a worker is replaced after this many pages, so leaks in snippets cannot pile up
 * @param sharedArchive  a class-data archive of the worker's classes to map ({@link ClassDataArchive}), or null
 */
public record WorkerOptions(String java, String classPath, List<String> jvmOptions, int pagesPerWorker,
        Path sharedArchive) {

    /**
     * Measured on 2 cores (bench/snippets.sh): C1 only warms javac, which is most of an eval, faster than C2 pays
     * back. JVM log lines go to stderr so they cannot land in the protocol channel on stdout.
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:-UsePerfData", "-Xlog:disable", "-Xlog:all=warning:stderr", "-Djava.awt.headless=true",
            "-Dfile.encoding=UTF-8");

    public WorkerOptions {
        jvmOptions = List.copyOf(jvmOptions);
        if (pagesPerWorker < 1) {
            throw new IllegalArgumentException("pagesPerWorker must be positive");
        }
    }

    public WorkerOptions(String java, String classPath, List<String> jvmOptions, int pagesPerWorker) {
        this(java, classPath, jvmOptions, pagesPerWorker, null);
    }

    /** The host's own java, and the folder or jar the worker's classes are in. */
    public static WorkerOptions defaults() {
        return new WorkerOptions(hostJava(), workerClasses(), DEFAULT_JVM_OPTIONS, 500);
    }

    public WorkerOptions withJvmOptions(List<String> options) {
        return new WorkerOptions(java, classPath, options, pagesPerWorker, sharedArchive);
    }

    /** Workers that map this class-data archive (one the pool has checked). */
    WorkerOptions sharing(Path archive) {
        return new WorkerOptions(java, classPath, jvmOptions, pagesPerWorker, archive);
    }

    List<String> command(List<String> extraJvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        if (sharedArchive != null) {
            command.add("-XX:SharedArchiveFile=" + sharedArchive);
            // an archive the JVM finds unfit (another JDK build at the same path) is skipped: no word on stderr
            command.add("-Xlog:cds*=off:stderr");
        }
        command.addAll(extraJvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(Worker.class.getName());
        return command;
    }

    private static String workerClasses() {
        try {
            return Path.of(Worker.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return System.getProperty("java.class.path");
        }
    }

    private static String hostJava() {
        Path fromHome = Path.of(System.getProperty("java.home"), "bin", "java");
        if (Files.isExecutable(fromHome)) {
            return fromHome.toString();
        }
        return ProcessHandle.current().info().command().orElse("java");
    }
}
