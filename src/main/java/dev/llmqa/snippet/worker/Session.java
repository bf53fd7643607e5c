package dev.llmqa.snippet.worker;

import dev.llmqa.snippet.wire.Fault;

import dev.llmqa.snippet.wire.Source;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;

/** One page's JShell session inside the worker: fresh state, the tool's default imports, tool-like snippet ids. */
public final class Session implements AutoCloseable {

    /** Told before each snippet runs, so the host can name the line of a snippet that never returns. */
    interface Progress {
        void now(Piece piece);
    }

    public static final List<String> DEFAULT_IMPORTS = List.of("java.io", "java.math", "java.net", "java.nio.file",
            "java.util", "java.util.concurrent", "java.util.function", "java.util.prefs", "java.util.regex",
            "java.util.stream");

    /**
     * Snippets compile against the JDK and one another only, as in the jshell tool (whose class path is empty, so
     * its working folder): JShell would otherwise compile against the worker's own class path, the tool's jar and
     * every jar its manifest names, which javac opens and indexes again for every session (a third of its time).
     */
    static final String[] COMPILER_OPTIONS = {"-classpath", ""};

    private final JShell shell;
    private final LocalEngine engine;
    private final Map<String, Piece> origins = new HashMap<>();
    /** Every source this session evaluated, in order: what {@link #moved} renumbers. */
    private final List<Source> evaluated = new ArrayList<>();
    private final Failures failures;
    private final ToolFeedback feedback;

    private Session(JShell shell, LocalEngine engine) {
        this.shell = shell;
        this.engine = engine;
        this.failures = new Failures(shell, origins);
        this.feedback = new ToolFeedback(shell, engine);
    }

    static Session open(PrintStream out) {
        LocalEngine engine = new LocalEngine();
        ToolIds ids = new ToolIds();
        JShell shell = JShell.builder()
                .executionEngine(engine, Map.of())
                .compilerOptions(COMPILER_OPTIONS)
                .in(InputStream.nullInputStream())
                .out(out)
                .err(out)
                .idGenerator(ids::id)
                .tempVariableNameGenerator(ids::nextTemp)
                .build();
        ids.attach(shell);
        for (String pkg : DEFAULT_IMPORTS) {
            shell.eval("import " + pkg + ".*;");
        }
        ids.startupDone();
        return new Session(shell, engine);
    }

    /** Evaluates the pieces of a source in order, stopping at the first problem. */
    Fault evaluate(Source source, Progress progress) {
        evaluated.add(source);
        List<DeclarationSnippet> declared = new ArrayList<>();
        for (Piece piece : Piece.split(source, shell.sourceCodeAnalysis(), false)) {
            List<SnippetEvent> events = eval(piece, progress);
            Fault problem = failures.of(events, piece);
            if (problem != null) {
                return problem;
            }
            events.stream().filter(e -> e.causeSnippet() == null).map(SnippetEvent::snippet)
                    .filter(DeclarationSnippet.class::isInstance).map(DeclarationSnippet.class::cast)
                    .forEach(declared::add);
        }
        return declared.stream().map(failures::stillUnresolved).filter(Objects::nonNull).findFirst()
                .orElse(null);
    }

    /** One transcript input as the tool shows it; output is what it printed, taken from the capture. */
    String transcript(Source input, Capture capture, Progress progress) {
        evaluated.add(input);
        StringBuilder shown = new StringBuilder();
        for (Piece piece : Piece.split(input, shell.sourceCodeAnalysis(), true)) {
            List<SnippetEvent> events = eval(piece, progress);
            StringBuilder display = new StringBuilder();
            boolean failed = feedback.render(events, display);
            shown.append(capture.take().shown()).append(display);
            if (failed) {
                break;
            }
        }
        return shown.toString();
    }

    /** The value of an inline expression; a String as it is. */
    ValueOrProblem value(Source source, Progress progress) {
        evaluated.add(source);
        List<Piece> pieces = Piece.split(source, shell.sourceCodeAnalysis(), false);
        if (pieces.size() != 1) {
            return ValueOrProblem.problem(Fault.at(source.path(), source.line(),
                    "an inline value must be one expression, found " + pieces.size() + " snippets",
                    "Write a single expression, e.g. `kvCacheBytes(model)`"));
        }
        // parenthesized, a variable's name or an assignment is a temporary variable too, whose raw value can be read
        Piece bare = pieces.get(0);
        Piece piece = new Piece(source, "(" + bare.code().replaceFirst(";\\s*$", "") + "\n)", bare.line());
        List<SnippetEvent> events = eval(piece, progress);
        Fault problem = failures.ofValue(events, piece);
        if (problem != null) {
            return ValueOrProblem.problem(problem);
        }
        SnippetEvent primary = events.stream().filter(e -> e.causeSnippet() == null).findFirst().orElseThrow();
        Snippet sn = primary.snippet();
        if (sn.subKind() != Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
            return ValueOrProblem.problem(Fault.at(source.path(), piece.firstCodeLine(),
                    "an inline value must be an expression, not a " + describe(sn),
                    "Write an expression with a value, e.g. `kvCacheBytes(model)`"));
        }
        if (engine.lastValue(((VarSnippet) sn).name()) instanceof String raw) {
            return ValueOrProblem.value(raw);
        }
        return ValueOrProblem.value(primary.value());
    }

    private static String describe(Snippet sn) {
        return sn.subKind().name().replace("_SUBKIND", "").replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    private List<SnippetEvent> eval(Piece piece, Progress progress) {
        progress.now(piece);
        engine.newEval();
        List<SnippetEvent> events = shell.eval(piece.code());
        for (SnippetEvent event : events) {
            if (event.causeSnippet() == null && event.snippet() != null) {
                origins.put(event.snippet().id(), piece);
            }
        }
        return events;
    }

    /**
     * The page's text moved (a paragraph written above its code): each source evaluated so far is now on the given
     * line, in the order they were evaluated. A failure in a later step that a stack frame places in an earlier
     * snippet is then reported at that snippet's new line, as a fresh session of the page would.
     */
    void moved(List<Integer> lines) throws java.io.IOException {
        if (lines.size() != evaluated.size()) {
            throw new java.io.IOException("moved: " + lines.size() + " lines for " + evaluated.size() + " sources");
        }
        Map<Source, Source> now = new java.util.IdentityHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Source was = evaluated.get(i);
            Source is = new Source(was.path(), lines.get(i), was.code());
            evaluated.set(i, is);
            now.put(was, is);
        }
        origins.replaceAll((id, piece) -> {
            Source is = now.get(piece.from());
            return is == null ? piece : new Piece(is, piece.code(), piece.line() + is.line() - piece.from().line());
        });
    }

    @Override
    public void close() {
        shell.close();
    }

    /** Either a value or the problem that prevented it. */
    record ValueOrProblem(String value, Fault problem) {
        static ValueOrProblem value(String value) {
            return new ValueOrProblem(value, null);
        }

        static ValueOrProblem problem(Fault problem) {
            return new ValueOrProblem(null, problem);
        }
    }

    /** Snippet ids and temporary names as the jshell tool numbers them: s1… for startup, 1… main, e1… rejected. */
    static final class ToolIds {
        private JShell shell;
        private boolean startup = true;
        private int start = 1;
        private int main = 1;
        private int error = 1;

        void attach(JShell shell) {
            this.shell = shell;
        }

        void startupDone() {
            startup = false;
        }

        String id(Snippet sn, Integer unused) {
            if (startup) {
                return "s" + start++;
            }
            return shell.status(sn).isActive() ? String.valueOf(main++) : "e" + error++;
        }

        String nextTemp() {
            return "$" + main;
        }
    }
}
