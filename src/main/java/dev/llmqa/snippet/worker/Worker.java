package dev.llmqa.snippet.worker;

import dev.llmqa.snippet.wire.Fault;

import dev.llmqa.snippet.wire.Reply;
import dev.llmqa.snippet.wire.Source;
import dev.llmqa.snippet.wire.Step;
import dev.llmqa.snippet.wire.Wire;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The worker JVM's main: hosts JShell with the local execution engine and serves steps over stdin/stdout.
 * Snippets print into a capped capture; only this class writes to the real stdout.
 */
public final class Worker {

    static final int OUTPUT_LIMIT = 64 * 1024;
    /**
     * Enough for C1 to compile javac's hot paths before pages arrive. Measured in cold builds of the site
     * (bench/snippets.sh --builds, 2 cores): fewer sessions cost the snippet JVMs more CPU in all, not less
     * (2 sessions 1.05x, none 1.16x), as javac then runs interpreted longer while the compiler catches up.
     */
    static final int WARM_UP_SESSIONS = Integer.getInteger("llmqa.worker.warmUpSessions", 8);

    private final DataInputStream in;
    private final DataOutputStream out;
    private final Capture capture = new Capture(OUTPUT_LIMIT);
    private final Hygiene hygiene = new Hygiene(capture);
    private Session session;

    private Worker(DataInputStream in, DataOutputStream out) {
        this.in = in;
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        Worker worker = new Worker(in, out);
        worker.hygiene.beginStep();
        exitWithHost();
        worker.serve();
        System.exit(0);
    }

    private void serve() throws IOException {
        session = Session.open(hygiene.out());
        send(Wire.READY);
        WarmUp.whileIdle(in, hygiene.out(), WARM_UP_SESSIONS);
        capture.newStep();
        while (true) {
            int command;
            try {
                command = in.readByte();
            } catch (EOFException e) {
                return;
            }
            switch (command) {
                case Wire.BEGIN_PAGE -> hygiene.beginPage();
                case Wire.STEP -> reply(Wire.readStep(in));
                case Wire.MOVED -> session.moved(Wire.readMoved(in));
                case Wire.END_PAGE -> {
                    session.close();
                    // the next page's session is made now, while the host is busy with this page's results
                    session = Session.open(hygiene.out());
                }
                default -> throw new IOException("unknown command " + command);
            }
        }
    }

    private void reply(Step step) throws IOException {
        hygiene.beginStep();
        capture.newStep();
        Reply reply;
        try {
            reply = execute(step);
        } catch (OutOfMemoryError e) {
            reply = failed(Fault.at(step.sources().get(0).path(), step.sources().get(0).line(),
                    Fault.OUT_OF_MEMORY, Fault.OUT_OF_MEMORY_HINT));
        } catch (RuntimeException | Error e) {
            reply = failed(Fault.at(step.sources().get(0).path(), step.sources().get(0).line(),
                    "the snippet engine failed: " + e, "report this as a bug in llmqa"));
        }
        if (!reply.recycle() && (Hygiene.threadsLeftRunning() || Hygiene.processesLeftRunning())) {
            reply = new Reply(reply.output(), reply.truncated(), reply.transcript(), reply.value(), reply.failure(),
                    true);
        }
        Wire.writeReply(out, reply);
        out.flush();
    }

    /** If the host dies without closing our stdin (say, while a snippet loops), the worker must not linger. */
    private static void exitWithHost() {
        ProcessHandle.current().parent().ifPresent(host -> host.onExit().thenRun(() -> Runtime.getRuntime().halt(2)));
    }

    private Reply execute(Step step) {
        Session.Progress progress = this::now;
        if (step instanceof Step.Transcript transcript) {
            List<String> shown = new ArrayList<>();
            for (Source input : transcript.inputs()) {
                shown.add(session.transcript(input, capture, progress));
            }
            return new Reply(String.join("", shown), capture.truncatedInStep(), shown, null, null, false);
        }
        if (step instanceof Step.Value value) {
            Session.ValueOrProblem result = session.value(value.source(), progress);
            Capture.Taken taken = capture.take();
            return new Reply(taken.shown(), taken.truncated(), List.of(), result.value(), result.problem(),
                    isOutOfMemory(result.problem()));
        }
        Fault problem = session.evaluate(step.sources().get(0), progress);
        Capture.Taken taken = capture.take();
        boolean run = step instanceof Step.Run;
        return new Reply(run ? taken.shown() : "", run && taken.truncated(), List.of(), null, problem,
                isOutOfMemory(problem));
    }

    private static boolean isOutOfMemory(Fault problem) {
        return problem != null && problem.message().equals(Fault.OUT_OF_MEMORY);
    }

    private static Reply failed(Fault problem) {
        return new Reply("", false, List.of(), null, problem, true);
    }

    private void now(Piece piece) {
        try {
            out.writeInt(Wire.MAGIC);
            out.writeByte(Wire.NOW);
            Wire.writeString(out, piece.from().path());
            out.writeInt(piece.firstCodeLine());
            out.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void send(byte type) throws IOException {
        out.writeInt(Wire.MAGIC);
        out.writeByte(type);
        out.flush();
    }
}
