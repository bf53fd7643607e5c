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

    static WorkerProcess start(WorkerOptions options) throws IOException {
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(options.command()).start();
        return new WorkerProcess(process, t0);
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

    /** Kills the JVM and anything it started; waits until they are gone. */
    void kill() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            process.onExit().get(10, TimeUnit.SECONDS);
            for (ProcessHandle child : descendants) {
                child.onExit().get(10, TimeUnit.SECONDS);
            }
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
