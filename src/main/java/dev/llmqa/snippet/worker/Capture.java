package dev.llmqa.snippet.worker;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Where System.out and System.err go inside the worker: keeps at most {@code limit} bytes per step and counts the
 * rest, so a snippet printing in a loop costs neither the worker's nor the host's memory.
 */
final class Capture extends OutputStream {

    /** What was printed since the last {@link #take()}. */
    record Taken(String text, long dropped) {
        boolean truncated() {
            return dropped > 0;
        }

        /** The text, and when bytes were dropped a last line saying how many. */
        String shown() {
            if (dropped == 0) {
                return text;
            }
            String sep = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
            return text + sep + String.format(Locale.US, "… output truncated: %,d more bytes%n", dropped);
        }
    }

    private final int limit;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private int keptInStep;
    private long dropped;
    private boolean truncatedInStep;

    Capture(int limit) {
        this.limit = limit;
    }

    @Override
    public synchronized void write(int b) {
        if (keptInStep < limit) {
            kept.write(b);
            keptInStep++;
        } else {
            dropped++;
            truncatedInStep = true;
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        int room = Math.max(0, Math.min(len, limit - keptInStep));
        kept.write(b, off, room);
        keptInStep += room;
        dropped += len - room;
        truncatedInStep |= room < len;
    }

    /** Returns what was printed since the last take; the byte budget continues until {@link #newStep()}. */
    synchronized Taken take() {
        byte[] bytes = kept.toByteArray();
        int end = utf8Boundary(bytes, bytes.length);
        long droppedNow = dropped + (bytes.length - end);
        kept.reset();
        dropped = 0;
        return new Taken(new String(bytes, 0, end, StandardCharsets.UTF_8), droppedNow);
    }

    /** Starts a fresh byte budget and forgets anything not taken. */
    synchronized void newStep() {
        kept.reset();
        keptInStep = 0;
        dropped = 0;
        truncatedInStep = false;
    }

    /** Whether anything was dropped since {@link #newStep()}. */
    synchronized boolean truncatedInStep() {
        return truncatedInStep;
    }

    /** Cuts before a UTF-8 sequence the limit split, so the kept text decodes cleanly. */
    private static int utf8Boundary(byte[] bytes, int end) {
        int i = end;
        int back = 0;
        while (i > 0 && back < 4 && (bytes[i - 1] & 0xC0) == 0x80) {
            i--;
            back++;
        }
        if (i == 0 || back == 4) {
            return end;
        }
        int lead = bytes[i - 1] & 0xFF;
        if (lead < 0xC0) {
            return end;
        }
        int need = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
        return need == back ? end : i - 1;
    }
}
