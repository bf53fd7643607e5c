package dev.llmqa.snippet.pool;

import dev.llmqa.snippet.wire.Reply;
import dev.llmqa.snippet.wire.Step;
import dev.llmqa.snippet.wire.Wire;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** One worker JVM seen from the host: sends steps, reads replies on its own thread, kills it when told. */
final class WorkerProcess {

    /** What the reader thread saw. */
    sealed interface Event permits Ready, Done, Ended {
    }

    record Ready() implements Event {
    }

    record Done(Reply reply) implements Event {
    }

    /** The channel closed or was corrupted; {@code why} is null for a plain end of stream. */
    record Ended(String why) implements Event {
    }

    /** The snippet the worker said it was evaluating. */
    record Now(String path, int line) {
    }

    private final Process process;
    private final DataOutputStream toWorker;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final StderrTail stderr;
    private final Duration startup;
    private volatile Now now;
    private int pages;

    private WorkerProcess(Process process, long startedNanos) throws IOException {
        this.process = process;
        this.toWorker = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
        this.stderr = StderrTail.drain(process.getErrorStream(), "llmqa-worker-stderr-" + process.pid());
        Thread reader = new Thread(() -> read(process.getInputStream()), "llmqa-worker-reader-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        Event first = poll(Duration.ofSeconds(60));
        if (!(first instanceof Ready)) {
            kill();
            throw new IOException("the snippet JVM did not start: " + (first == null ? "no answer in 60 s"
                    : "it exited with " + exitCode()) + describeStderr());
        }
        this.startup = Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    static WorkerProcess start(WorkerOptions options, Sandbox sandbox) throws IOException {
        long t0 = System.nanoTime();
        Sandbox.Launch launch = sandbox.prepare(options);
        Process process;
        try {
            process = startFromLongLivedThread(launch.process());
        } catch (IOException | RuntimeException e) {
            launch.cleanup().run();
            throw e;
        }
        process.onExit().thenRun(launch.cleanup());
        return new WorkerProcess(process, t0);
    }

    /**
     * bubblewrap's {@code --die-with-parent} (PR_SET_PDEATHSIG) fires when the thread that started it ends, not the
     * JVM: so every worker is started from one thread that lives as long as the host.
     */
    private static final java.util.concurrent.ExecutorService LAUNCHER = java.util.concurrent.Executors
            .newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "llmqa-worker-launcher");
                thread.setDaemon(true);
                return thread;
            });

    private static Process startFromLongLivedThread(ProcessBuilder builder) throws IOException {
        try {
            return LAUNCHER.submit(builder::start).get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("starting the snippet JVM failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the snippet JVM", e);
        }
    }

    Duration startup() {
        return startup;
    }

    long pid() {
        return process.pid();
    }

    int pagesRun() {
        return pages;
    }

    void beginPage() throws IOException {
        pages++;
        toWorker.writeByte(Wire.BEGIN_PAGE);
    }

    /** The open page's sources, in the order it ran them, are now on these lines. */
    void moved(List<Integer> lines) throws IOException {
        Wire.writeMoved(toWorker, lines);
        toWorker.flush();
    }

    void endPage() throws IOException {
        toWorker.writeByte(Wire.END_PAGE);
        toWorker.flush();
    }

    void send(Step step) throws IOException {
        now = null;
        Wire.writeStep(toWorker, step);
        toWorker.flush();
    }

    /** The next event, or null after the timeout. */
    Event poll(Duration timeout) {
        try {
            return events.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Ended("interrupted");
        }
    }

    /**
     * The CPU time the worker and every process it started have used so far: what a step's time limit counts, so
     * a busy machine (waiting for a core) does not make honest code time out.
     */
    Duration cpuTime() {
        Duration total = cpuOf(process.toHandle());
        for (ProcessHandle child : process.descendants().toList()) {
            total = total.plus(cpuOf(child));
        }
        return total;
    }

    private static Duration cpuOf(ProcessHandle handle) {
        return handle.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    Now now() {
        return now;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Waits briefly for the JVM to finish dying, for its exit code and last words. */
    Integer exitCode() {
        try {
            if (process.waitFor(5, TimeUnit.SECONDS)) {
                return process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    String stderrTail() {
        stderr.awaitEnd(Duration.ofSeconds(2));
        return stderr.text();
    }

    private String describeStderr() {
        String tail = stderrTail().strip();
        return tail.isEmpty() ? "" : ": " + tail;
    }

    /**
     * Kills the JVM and anything it started; waits until they are gone. The descendants are not our children:
     * {@code ProcessHandle.onExit()} of a non-child polls from 300 ms up, and a killed one stays a zombie until an
     * init reaps it, which some containers' inits do only every second or two (that was 2 s per worker on every
     * close of a pool). A dead process is gone for us as soon as it is a zombie.
     */
    void kill() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try {
            process.onExit().get(10, TimeUnit.SECONDS);
            for (ProcessHandle child : descendants) {
                while (!Processes.gone(child) && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // best effort: a process that survives SIGKILL for 10 s is beyond our reach
        }
    }

    private void read(InputStream stdout) {
        DataInputStream in = new DataInputStream(new BufferedInputStream(stdout));
        try {
            while (true) {
                int magic = in.readInt();
                if (magic != Wire.MAGIC) {
                    byte[] junk = in.readNBytes(60);
                    events.add(new Ended("unexpected bytes on the protocol channel: "
                            + new String(java.nio.ByteBuffer.allocate(4).putInt(magic).array(), StandardCharsets.UTF_8)
                            + new String(junk, StandardCharsets.UTF_8)));
                    return;
                }
                byte type = in.readByte();
                switch (type) {
                    case Wire.READY -> events.add(new Ready());
                    case Wire.NOW -> now = new Now(Wire.readString(in), in.readInt());
                    case Wire.DONE -> events.add(new Done(Wire.readReply(in)));
                    default -> {
                        events.add(new Ended("unknown frame type " + type));
                        return;
                    }
                }
            }
        } catch (java.io.EOFException e) {
            events.add(new Ended(null));
        } catch (IOException e) {
            events.add(new Ended(e.getMessage()));
        }
    }
}
