package dev.llmqa.snippet.wire;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The framing between the host and a worker over the worker's stdin/stdout.
 *
 * <pre>
 * host → worker:  'P' begin page | 'S' kind count (path line code)* | 'E' end page
 *                 | 'M' count line* (the open page's code moved: each source it ran, in order, is now on line)
 *                 (EOF: quit)
 * worker → host:  MAGIC then 'R' ready | 'N' path line (now evaluating) | 'D' reply
 * </pre>
 * Worker frames start with a magic number so that bytes a snippet forces onto the real stdout are caught, not parsed.
 */
public final class Wire {

    public static final int MAGIC = 0x4C4D5141; // "LMQA"
    public static final byte BEGIN_PAGE = 'P';
    public static final byte STEP = 'S';
    public static final byte END_PAGE = 'E';
    public static final byte MOVED = 'M';
    public static final byte READY = 'R';
    public static final byte NOW = 'N';
    public static final byte DONE = 'D';

    /** Larger frames mean the channel is corrupt: replies are capped well below this. */
    static final int MAX_STRING_BYTES = 16 * 1024 * 1024;

    private Wire() {
    }

    public static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    public static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > MAX_STRING_BYTES) {
            throw new IOException("corrupt frame: string of " + length + " bytes");
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new IOException("corrupt frame: truncated string");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public static void writeStep(DataOutputStream out, Step step) throws IOException {
        out.writeByte(STEP);
        out.writeByte(kindOf(step));
        out.writeInt(step.sources().size());
        for (Source source : step.sources()) {
            writeString(out, source.path());
            out.writeInt(source.line());
            writeString(out, source.code());
        }
    }

    /** The lines that each source an open page ran, in the order it ran them, is on now. */
    public static void writeMoved(DataOutputStream out, List<Integer> lines) throws IOException {
        out.writeByte(MOVED);
        out.writeInt(lines.size());
        for (int line : lines) {
            out.writeInt(line);
        }
    }

    public static List<Integer> readMoved(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > MAX_STRING_BYTES) {
            throw new IOException("corrupt frame: " + count + " moved lines");
        }
        List<Integer> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lines.add(in.readInt());
        }
        return lines;
    }

    public static Step readStep(DataInputStream in) throws IOException {
        byte kind = in.readByte();
        int count = in.readInt();
        List<Source> sources = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sources.add(new Source(readString(in), in.readInt(), readString(in)));
        }
        return switch (kind) {
            case 'L' -> new Step.Load(sources.get(0));
            case 'R' -> new Step.Run(sources.get(0));
            case 'T' -> new Step.Transcript(sources);
            case 'V' -> new Step.Value(sources.get(0));
            default -> throw new IOException("unknown step kind " + kind);
        };
    }

    private static byte kindOf(Step step) {
        if (step instanceof Step.Load) {
            return 'L';
        } else if (step instanceof Step.Run) {
            return 'R';
        } else if (step instanceof Step.Transcript) {
            return 'T';
        }
        return 'V';
    }

    public static void writeReply(DataOutputStream out, Reply reply) throws IOException {
        out.writeInt(MAGIC);
        out.writeByte(DONE);
        writeString(out, reply.output());
        out.writeBoolean(reply.truncated());
        out.writeInt(reply.transcript().size());
        for (String entry : reply.transcript()) {
            writeString(out, entry);
        }
        writeString(out, reply.value());
        out.writeBoolean(reply.failure() != null);
        if (reply.failure() != null) {
            Fault p = reply.failure();
            writeString(out, p.path());
            out.writeInt(p.line());
            out.writeInt(p.column());
            writeString(out, p.message());
            writeString(out, p.hint());
        }
        out.writeBoolean(reply.recycle());
    }

    /** Reads a reply after its magic and type byte. */
    public static Reply readReply(DataInputStream in) throws IOException {
        String output = readString(in);
        boolean truncated = in.readBoolean();
        int entries = in.readInt();
        if (entries < 0 || entries > 1_000_000) {
            throw new IOException("corrupt frame: " + entries + " transcript entries");
        }
        List<String> transcript = new ArrayList<>(entries);
        for (int i = 0; i < entries; i++) {
            transcript.add(readString(in));
        }
        String value = readString(in);
        Fault failure = null;
        if (in.readBoolean()) {
            failure = new Fault(readString(in), in.readInt(), in.readInt(), readString(in), readString(in));
        }
        return new Reply(output, truncated, transcript, value, failure, in.readBoolean());
    }
}
