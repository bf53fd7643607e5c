package dev.llmqa.snippet.worker;

import dev.llmqa.snippet.wire.Source;

import java.util.ArrayList;
import java.util.List;

/** Stack frames of a snippet's exception: jshell names snippet frames by file "#id" and the line in that snippet. */
final class StackTrace {

    private StackTrace() {
    }

    /** The snippet id of a frame ("12" for "#12"), or null for a frame outside the snippets. */
    static String snippetId(StackTraceElement frame) {
        String file = frame.getFileName();
        return file != null && file.startsWith("#") ? file.substring(1) : null;
    }

    /** The frames as the tool prints them, eliding the tail shared with the exception this one caused. */
    static List<String> toolFrames(StackTraceElement[] frames, StackTraceElement[] caused) {
        int overlap = 0;
        if (caused != null) {
            int maxOverlap = Math.min(frames.length, caused.length);
            while (overlap < maxOverlap
                    && frames[frames.length - (overlap + 1)].equals(caused[caused.length - (overlap + 1)])) {
                ++overlap;
            }
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < frames.length - overlap; ++i) {
            lines.add("      at " + where(frames[i]));
        }
        if (overlap != 0) {
            lines.add("      ...");
        }
        return lines;
    }

    /** {@code Class.method (File.java:12)} with the class's simple name, as the tool writes a frame. */
    static String where(StackTraceElement frame) {
        StringBuilder sb = new StringBuilder();
        String cn = frame.getClassName();
        if (!cn.isEmpty()) {
            int dot = cn.lastIndexOf('.');
            sb.append(dot > 0 ? cn.substring(dot + 1) : cn).append('.');
        }
        if (!frame.getMethodName().isEmpty()) {
            sb.append(frame.getMethodName()).append(' ');
        }
        String file = frame.getFileName();
        int line = frame.getLineNumber();
        String loc = frame.isNativeMethod() ? "Native Method"
                : file == null ? "Unknown Source"
                : line >= 0 ? file + ":" + line : file;
        return sb + "(" + loc + ")";
    }
}
