package dev.llmqa.snippet.pool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What can be told of a process from outside it. */
public final class Processes {

    private Processes() {
    }

    /**
     * Ended, or a zombie: killed, and waiting for an init to reap it, which on some machines happens only every few
     * seconds (Linux: state Z in /proc/PID/stat, after the command's closing parenthesis).
     */
    public static boolean gone(ProcessHandle process) {
        if (!process.isAlive()) {
            return true;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            int end = stat.lastIndexOf(')');
            return end > 0 && end + 2 < stat.length() && stat.charAt(end + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            return !process.isAlive();
        }
    }
}
