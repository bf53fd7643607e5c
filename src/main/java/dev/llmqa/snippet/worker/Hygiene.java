package dev.llmqa.snippet.worker;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.TimeZone;

/**
 * What one page's snippets may change in the worker JVM that the next page must not see: the standard streams,
 * default locale and time zone, system properties, and threads and processes left running.
 */
final class Hygiene {

    /** The thread group JShell's local engine runs each snippet in; threads a snippet starts inherit it. */
    private static final String SNIPPET_GROUP = "JShell process local execution";

    private final Capture capture;
    private final Locale locale = Locale.getDefault();
    private final TimeZone timeZone = TimeZone.getDefault();
    private final Properties properties = (Properties) System.getProperties().clone();
    private PrintStream out;

    Hygiene(Capture capture) {
        this.capture = capture;
        this.out = new PrintStream(capture, true, StandardCharsets.UTF_8);
    }

    PrintStream out() {
        return out;
    }

    /** Puts back what the previous page may have changed. */
    void beginPage() {
        Locale.setDefault(locale);
        TimeZone.setDefault(timeZone);
        System.setProperties((Properties) properties.clone());
        out = new PrintStream(capture, true, StandardCharsets.UTF_8);
    }

    /** Points the standard streams at the capture again, in case a snippet closed or replaced them. */
    void beginStep() {
        System.setOut(out);
        System.setErr(out);
        System.setIn(InputStream.nullInputStream());
    }

    /** Whether a snippet left a process running; such a worker is replaced (and its processes killed) after the page. */
    static boolean processesLeftRunning() {
        return ProcessHandle.current().children().anyMatch(ProcessHandle::isAlive);
    }

    /** Whether a snippet left a thread running; such a worker is replaced after the page. */
    static boolean threadsLeftRunning() {
        // asked after every step: list the threads without capturing their stacks (as getAllStackTraces would)
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int count = root.enumerate(threads, true);
        for (int i = 0; i < count; i++) {
            ThreadGroup group = threads[i].getThreadGroup();
            if (threads[i].isAlive() && group != null && SNIPPET_GROUP.equals(group.getName())) {
                return true;
            }
        }
        return false;
    }
}
