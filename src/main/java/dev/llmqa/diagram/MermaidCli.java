package dev.llmqa.diagram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import dev.llmqa.config.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The Mermaid CLI adapter: the pinned {@code @mermaid-js/mermaid-cli} in tools/mermaid, driven by its batch script
 * (one browser draws every diagram, byte for byte as one {@code mmdc} call per diagram would). On timeout the whole
 * process tree is killed (descendants taken before the kill).
 */
public final class MermaidCli implements DiagramRenderer {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How a failure of the CLI itself (not of one diagram) starts. */
    static final String FAILED = "the Mermaid CLI failed: ";
    /** What to run to watch the renderer fail by hand, from the project folder. */
    static final String BY_HAND = "echo '[{\"id\":\"d0\",\"source\":\"flowchart LR\\n A --> B\"}]'"
            + " | (cd tools/mermaid && node render-batch.mjs --verbose)";
    /** Lines of the renderer's stderr a failure shows. */
    private static final int TAIL_LINES = 12;

    private final Path tool;
    private final Settings settings;
    private final Duration base;
    private final Duration perDiagram;

    public MermaidCli(Path tool, Settings settings) {
        this(tool, settings, Duration.ofSeconds(60), Duration.ofSeconds(5));
    }

    /** A run may take {@code base} plus {@code perDiagram} for each diagram before it is stopped. */
    MermaidCli(Path tool, Settings settings, Duration base, Duration perDiagram) {
        this.tool = tool;
        this.settings = settings;
        this.base = base;
        this.perDiagram = perDiagram;
    }

    @Override
    public Optional<String> unavailable() {
        if (!Files.isRegularFile(tool.resolve("node_modules/@mermaid-js/mermaid-cli/package.json"))) {
            return Optional.of("tools/mermaid is not installed: run cd tools/mermaid && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts");
        }
        if (!Files.isExecutable(settings.chromium())) {
            return Optional.of("no " + settings.chromium() + ": run apt-get install -y chromium");
        }
        if (!onPath("node", settings.path())) {
            return Optional.of("Node.js is not installed: run apt-get install -y nodejs npm");
        }
        return Optional.empty();
    }

    @Override
    public List<Rendered> render(List<Diagram> diagrams) {
        try {
            return run(diagrams);
        } catch (IOException e) {
            List<Rendered> failed = new ArrayList<>();
            diagrams.forEach(d -> failed.add(Rendered.failed(FAILED + e.getMessage())));
            return failed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while drawing diagrams", e);
        }
    }

    private List<Rendered> run(List<Diagram> diagrams) throws IOException, InterruptedException {
        List<Map<String, String>> request = diagrams.stream().map(d -> Map.of("id", d.id(), "source", d.source())).toList();
        // a private temporary folder: whatever node and chromium leave there (a profile after a kill) goes with it
        Path temp = Files.createTempDirectory("llmqa-mermaid");
        try {
            return run(diagrams, request, temp);
        } finally {
            deleteTree(temp);
        }
    }

    private List<Rendered> run(List<Diagram> diagrams, List<Map<String, String>> request, Path temp)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("node", "render-batch.mjs").directory(tool.toFile());
        builder.environment().put("TMPDIR", temp.toString());
        Process process = builder.start();
        CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        // drained beside stdout (a full stderr pipe would stall the renderer); its end explains a failure
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> tail(process.getErrorStream()));
        // written beside the wait: a script that never reads its input must not block the build on a full pipe
        CompletableFuture<Void> stdin = CompletableFuture.runAsync(() -> {
            try (OutputStream in = process.getOutputStream()) {
                JSON.writeValue(in, request);
            } catch (IOException e) {
                // the process ended or was stopped before reading it all; its exit says what happened
            }
        });
        Duration limit = base.plus(perDiagram.multipliedBy(diagrams.size()));
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            List<ProcessHandle> tree = process.descendants().toList();
            // through the handle, not Process.destroy(): that first closes stdin, which waits for the lock of a
            // writer blocked on a full pipe, forever
            ProcessHandle node = process.toHandle();
            node.destroy(); // SIGTERM: the script closes its browser and removes its profile
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
            tree.forEach(ProcessHandle::destroyForcibly);
            throw new IOException("it did not finish within " + limit.toSeconds() + " s and was stopped"
                    + lastWords(stderr));
        }
        stdin.join();
        JsonNode answer;
        try {
            answer = JSON.readTree(stdout.join());
        } catch (IOException e) {
            answer = null;
        }
        if (process.exitValue() != 0 || answer == null || !answer.isArray() || answer.size() != diagrams.size()) {
            throw new IOException("it exited with " + process.exitValue() + " and no usable answer" + lastWords(stderr));
        }
        List<Rendered> rendered = new ArrayList<>();
        for (JsonNode one : answer) {
            rendered.add(one.hasNonNull("svg") ? Rendered.ok(one.get("svg").asText())
                    : Rendered.failed(one.path("error").asText("no SVG and no error")));
        }
        return rendered;
    }

    private static void deleteTree(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder that cannot be removed is left to the system's cleaning
        }
    }

    /** The renderer's last lines on stderr, as the end of a failure's message ("" when it said nothing). */
    private static String lastWords(CompletableFuture<String> stderr) {
        String said;
        try {
            said = stderr.get(3, TimeUnit.SECONDS).strip();
        } catch (Exception e) {
            said = "";
        }
        return said.isEmpty() ? "; it wrote nothing to stderr" : "; the last lines it wrote to stderr:\n" + said;
    }

    /** The last {@link #TAIL_LINES} lines of a stream, read to its end (keeping at most 16 KiB while reading). */
    private static String tail(InputStream in) {
        byte[] keep = new byte[0];
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                byte[] joined = new byte[Math.min(keep.length + n, 16 * 1024)];
                int fromKeep = joined.length - n;
                if (fromKeep >= 0) {
                    System.arraycopy(keep, keep.length - fromKeep, joined, 0, fromKeep);
                    System.arraycopy(buffer, 0, joined, fromKeep, n);
                } else {
                    System.arraycopy(buffer, n - joined.length, joined, 0, joined.length);
                }
                keep = joined;
            }
        } catch (IOException e) {
            // the process is gone; what was read is what it said
        }
        List<String> lines = new String(keep, StandardCharsets.UTF_8).lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static boolean onPath(String command, String path) {
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
