package dev.llmqa.snippet.pool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where no sandbox can be had: the worker gets no variable of the build, a private empty working directory and
 * home, and nothing more; it can still read and write whatever the build's user can.
 */
final class Unsandboxed implements Sandbox {

    private final String why;

    /** @param why why snippets run unsandboxed, said once in the build's output */
    Unsandboxed(String why) {
        this.why = why;
    }

    @Override
    public Launch prepare(WorkerOptions options) throws IOException {
        Path home = Files.createTempDirectory("llmqa-worker-");
        ProcessBuilder process = new ProcessBuilder(options.command(List.of("-Duser.home=" + home,
                "-Djava.io.tmpdir=" + home)));
        process.directory(home.toFile());
        Sandbox.scrub(process.environment());
        process.environment().put("HOME", home.toString());
        process.environment().put("TMPDIR", home.toString());
        return new Launch(process, () -> delete(home));
    }

    @Override
    public Isolation isolation() {
        return new Isolation(false, why);
    }

    private static void delete(Path folder) {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // a temp folder the snippet made undeletable is left for the OS to clear
        }
    }
}
