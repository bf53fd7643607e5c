package dev.llmqa.snippet.pool;

import dev.llmqa.config.SandboxMode;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Where a worker JVM runs (the port): {@link Bubblewrap} runs it in a Linux sandbox, {@link Unsandboxed} only
 * scrubs its environment and working directory. Either way no variable of the build (a token, a secret) reaches a
 * snippet.
 */
public interface Sandbox {

    /** A worker's process, ready to start, and what to tidy once it has ended. */
    record Launch(ProcessBuilder process, Runnable cleanup) {
    }

    /** How the worker with these options is started. */
    Launch prepare(WorkerOptions options) throws IOException;

    /** How snippets are kept from the build's machine, for the build's summary and warnings. */
    Isolation isolation();

    /**
     * @param sandboxed whether the workers run in a sandbox
     * @param how       the sandbox ("bubblewrap"), or why there is none
     */
    record Isolation(boolean sandboxed, String how) {
        /** For the summary line: "sandboxed (bubblewrap)" or "unsandboxed". */
        public String mode() {
            return sandboxed ? "sandboxed (" + how + ")" : "unsandboxed";
        }
    }

    /** Snippets read the locale and time zone from these (so a page prints the same in and out of the sandbox). */
    Pattern KEPT_VARIABLES = Pattern.compile("LANG|LANGUAGE|LC_[A-Z]+|TZ");

    /** Only what the JVM needs to print as the host would: the locale and time zone variables. */
    static void scrub(Map<String, String> environment) {
        environment.keySet().removeIf(name -> !KEPT_VARIABLES.matcher(name).matches());
    }

    /**
     * The sandbox for a mode: bubblewrap if it works here (probed once per process), otherwise unsandboxed, which
     * {@code required} refuses.
     *
     * @param path the build's {@code PATH}, to find {@code bwrap}
     * @throws Unavailable the mode is {@code required} and bubblewrap cannot run
     */
    public static Sandbox choose(SandboxMode mode, String path, WorkerOptions options) {
        if (mode == SandboxMode.OFF) {
            return new Unsandboxed("--sandbox=off");
        }
        Optional<String> why = Probe.whyNot(path, options);
        if (why.isEmpty()) {
            return Bubblewrap.find(path).orElseThrow();
        }
        if (mode == SandboxMode.REQUIRED) {
            throw new Unavailable(why.get());
        }
        return new Unsandboxed(why.get());
    }

    /** The sandbox was required and cannot be had. */
    final class Unavailable extends RuntimeException {
        public Unavailable(String why) {
            super(why);
        }
    }

    /** Whether bubblewrap runs a worker's JVM here, asked once per process and options. */
    final class Probe {
        private static final Map<String, Optional<String>> ANSWERS = new ConcurrentHashMap<>();

        private Probe() {
        }

        static Optional<String> whyNot(String path, WorkerOptions options) {
            return ANSWERS.computeIfAbsent(path + "\0" + options.java() + "\0" + options.classPath(),
                    key -> ask(path, options));
        }

        private static Optional<String> ask(String path, WorkerOptions options) {
            if (!System.getProperty("os.name", "").startsWith("Linux")) {
                return Optional.of("bubblewrap runs only on Linux, this is " + System.getProperty("os.name"));
            }
            Optional<Bubblewrap> bwrap = Bubblewrap.find(path);
            if (bwrap.isEmpty()) {
                return Optional.of(Bubblewrap.missing(path));
            }
            return bwrap.get().tryOnce(options);
        }
    }
}
