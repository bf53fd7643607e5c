package dev.llmqa.snippet;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.TimeZone;

/**
 * What one page's snippets may change in the worker JVM that the next page must not see: the standard streams,
 * default locale and time zone, system properties, and threads left running.
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

    /** Whether a snippet left a thread running; such a worker is replaced after the page. */
    static boolean threadsLeftRunning() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.isAlive() && t.getThreadGroup() != null
                && SNIPPET_GROUP.equals(t.getThreadGroup().getName()));
    }
}
