package dev.llmqa.js;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The engine the build uses, made on first need and kept until {@link #close()}: Node when {@code node} is on the
 * PATH (one process for the build, or for the preview server's life), else GraalJS. If Node fails, the batch runs
 * again on GraalJS and so does every later one; the engine's {@link JsEngine#notice()} says why, once.
 */
public final class JsEngines implements AutoCloseable {

    private JsEngine made;

    /** @param path the PATH to look for {@code node} on ({@code Settings.path()}) */
    public synchronized JsEngine get(String path) {
        if (made == null) {
            made = choose(path);
        }
        return made;
    }

    /** Node when it is on {@code path}, falling back to GraalJS; GraalJS alone otherwise. */
    public static JsEngine choose(String path) {
        return onPath("node", path) ? new NodeFirst(new NodeJs()) : new GraalJs();
    }

    static boolean onPath(String command, String path) {
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized void close() {
        if (made != null) {
            try {
                made.close();
            } finally {
                made = null;
            }
        }
    }

    /** Node, and GraalJS once Node has failed. */
    static final class NodeFirst implements JsEngine {

        private final NodeJs node;
        private GraalJs graal;
        private String reason;
        private boolean told;

        NodeFirst(NodeJs node) {
            this.node = node;
        }

        @Override
        public synchronized String name() {
            return graal == null ? node.name() : graal.name();
        }

        @Override
        public List<TexResult> typeset(List<Tex> formulas) {
            return run(e -> e.typeset(formulas));
        }

        @Override
        public List<Optional<String>> highlight(List<Code> blocks) {
            return run(e -> e.highlight(blocks));
        }

        @Override
        public void prepare(Library library) {
            boolean onNode;
            synchronized (this) {
                onNode = graal == null;
            }
            if (onNode) {
                node.prepare(library);
            }
        }

        private <T> T run(Function<JsEngine, T> batch) {
            JsEngine engine;
            synchronized (this) {
                engine = graal == null ? node : graal;
            }
            try {
                return batch.apply(engine);
            } catch (Failed e) {
                if (engine != node) {
                    throw e;
                }
                synchronized (this) {
                    if (graal == null) {
                        reason = e.getMessage();
                        node.close();
                        graal = new GraalJs();
                    }
                    engine = graal;
                }
                return batch.apply(engine);
            }
        }

        @Override
        public synchronized Optional<String> notice() {
            if (reason == null || told) {
                return Optional.empty();
            }
            told = true;
            return Optional.of(reason + "; used GraalJS instead (much slower)");
        }

        @Override
        public synchronized void close() {
            try (NodeJs n = node; GraalJs g = graal) {
                // both closed, each even when the other fails
            }
        }
    }
}
