package dev.llmqa.js;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The fast engine: {@code node} processes, one per library (KaTeX, highlight.js), each started on its first batch
 * and kept until {@link #close()} (a build, or the preview server's life), so math and highlighting run at the same
 * time as they do on GraalJS. Each runs {@code node-engine.js} in a private temporary folder that also holds the
 * pinned files copied from the class path, so Node runs exactly what GraalJS would. A batch is one JSON line on
 * stdin and one answer line on stdout. A batch that takes too long stops its process and all it started; the next
 * batch starts a new one.
 */
public final class NodeJs implements JsEngine {

    private final Lane katex;
    private final Lane highlight;

    public NodeJs() {
        this(Duration.ofSeconds(60), Duration.ofMillis(200));
    }

    /** A batch may take {@code base} plus {@code perItem} for each of its items before the process is stopped. */
    NodeJs(Duration base, Duration perItem) {
        katex = new Lane(Pinned.KATEX_SCRIPT, "katex.min.js", base, perItem);
        highlight = new Lane(Pinned.HIGHLIGHT_SCRIPT, "highlight.min.js", base, perItem);
    }

    @Override
    public String name() {
        return "Node";
    }

    @Override
    public List<TexResult> typeset(List<Tex> formulas) {
        return Glue.typesetAnswer(katex.ask(Glue.typesetRequest(formulas), formulas.size()), formulas.size());
    }

    @Override
    public List<Optional<String>> highlight(List<Code> blocks) {
        return Glue.highlightAnswer(highlight.ask(Glue.highlightRequest(blocks), blocks.size()), blocks.size());
    }

    /** Starts the library's process, which loads its files while the caller goes on; the batch then finds it up. */
    @Override
    public void prepare(Library library) {
        (library == Library.KATEX ? katex : highlight).prepare();
    }

    /**
     * The command that runs {@code node-engine.js} on {@code libraries}, in the folder that holds them. Without V8's
     * optimizing compiler ({@code --no-opt}): a build's batch is too short to pay back its compiling. On the site's
     * batch it was a third of Node's CPU (0.44 s with it, 0.28 s without), and ten times that batch is still cheaper
     * without it (0.87 s, 0.69 s); the results are the same bytes (EnginesAgreeTest).
     */
    static List<String> command(String... libraries) {
        List<String> command = new ArrayList<>(List.of("node", "--no-opt", "node-engine.js"));
        command.addAll(List.of(libraries));
        return command;
    }

    /** How many node processes this engine has started (one per library used, unless one failed or was stopped). */
    public int starts() {
        return katex.starts() + highlight.starts();
    }

    @Override
    public void close() {
        try (Lane k = katex; Lane h = highlight) {
            // both closed, each even when the other fails
        }
    }

    /** One library's node process: one batch at a time. */
    private static final class Lane implements AutoCloseable {

        private final String resource;
        private final String file;
        private final Duration base;
        private final Duration perItem;
        private Path folder;
        private Process process;
        private BufferedWriter requests;
        private BufferedReader answers;
        private int starts;

        Lane(String resource, String file, Duration base, Duration perItem) {
            this.resource = resource;
            this.file = file;
            this.base = base;
            this.perItem = perItem;
        }

        synchronized int starts() {
            return starts;
        }

        /** Starts the process when none runs; a start that fails is left to the next batch, which reports it. */
        synchronized void prepare() {
            if (process == null || !process.isAlive()) {
                try {
                    start();
                } catch (IOException | RuntimeException e) {
                    stop();
                }
            }
        }

        synchronized String ask(String request, int items) {
            Duration limit = base.plus(perItem.multipliedBy(items));
            try {
                if (process == null || !process.isAlive()) {
                    start();
                }
                // written and read beside the wait: a process that stops reading must not block the build on a full pipe
                CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> exchange(request), Lane::daemon);
                String line = answer.get(limit.toMillis(), TimeUnit.MILLISECONDS);
                if (line == null) {
                    throw failed("it ended without an answer");
                }
                return line;
            } catch (TimeoutException e) {
                stop();
                throw new Failed("Node.js did not answer within " + limit.toSeconds() + " s and was stopped", e);
            } catch (ExecutionException e) {
                throw failed(String.valueOf(e.getCause().getMessage()));
            } catch (IOException e) {
                throw new Failed("Node.js could not be started (" + e.getMessage() + "): install Node.js 18 or newer, or"
                        + " take node off the PATH to use GraalJS", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                throw new Failed("interrupted while Node.js was working", e);
            }
        }

        private String exchange(String request) {
            try {
                requests.write(request);
                requests.write('\n');
                requests.flush();
                return answers.readLine();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private Failed failed(String what) {
            String stderr = stderr();
            stop();
            return new Failed("Node.js failed: " + what + (stderr.isBlank() ? "" : "\n" + stderr), null);
        }

        private void start() throws IOException {
            stop();
            folder = Files.createTempDirectory("llmqa-js");
            copy(resource, file);
            copy(Pinned.GLUE, "engine.js");
            copy(Pinned.NODE_MAIN, "node-engine.js");
            ProcessBuilder builder = new ProcessBuilder(command(file)).directory(folder.toFile())
                    .redirectError(folder.resolve("stderr.txt").toFile());
            builder.environment().put("TMPDIR", folder.toString());
            process = builder.start();
            starts++;
            requests = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), 1 << 16);
            answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8), 1 << 16);
        }

        private void copy(String from, String to) throws IOException {
            try (InputStream in = Pinned.open(from)) {
                Files.copy(in, folder.resolve(to));
            }
        }

        /** The last lines Node wrote to stderr (its stack trace, when it failed). */
        private String stderr() {
            try {
                List<String> lines = Files.readAllLines(folder.resolve("stderr.txt"));
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 12), lines.size()));
            } catch (IOException | RuntimeException e) {
                return "";
            }
        }

        /** Ends the process and whatever it started (taken before the kill), then removes its folder. */
        private void stop() {
            if (process != null) {
                List<ProcessHandle> tree = process.descendants().toList();
                // through the handle, not Process.destroy(): that first closes stdin, which waits for the lock of a
                // writer blocked on a full pipe, forever
                process.toHandle().destroyForcibly();
                tree.forEach(ProcessHandle::destroyForcibly);
                try {
                    process.waitFor(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                process = null;
            }
            if (folder != null) {
                try (var paths = Files.walk(folder)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException e) {
                    // a temporary folder that cannot be removed is left to the system's cleaning
                }
                folder = null;
            }
        }

        @Override
        public synchronized void close() {
            if (process != null) {
                try {
                    requests.close(); // end of input: node-engine.js exits by itself
                    process.waitFor(2, TimeUnit.SECONDS);
                } catch (IOException e) {
                    // it is stopped below
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            stop();
        }

        private static void daemon(Runnable runnable) {
            Thread thread = new Thread(runnable, "llmqa-node");
            thread.setDaemon(true);
            thread.start();
        }
    }
}
