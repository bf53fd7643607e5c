package dev.llmqa.snippet.worker;

import dev.llmqa.snippet.wire.Fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.Snippet.Status;
import jdk.jshell.SnippetEvent;
import jdk.jshell.UnresolvedReferenceException;

/** Turns a snippet that did not compile, threw, or refers to something undefined into a Fault at its file line. */
public final class Failures {

    private static final String VALUE_HINT = "An inline value must be one Java expression, e.g. `kvCacheBytes(model)`";
    private static final String UNDEFINED_HINT = "Define it in an earlier snippet of this page or in an example file"
            + " the page loads; each page runs in a fresh JShell session";

    private final JShell shell;
    private final Map<String, Piece> origins;

    /** @param origins where each snippet came from, by snippet id */
    Failures(JShell shell, Map<String, Piece> origins) {
        this.shell = shell;
        this.origins = origins;
    }

    /** The problem with the primary event of one eval, or null if it went fine. */
    Fault of(List<SnippetEvent> events, Piece piece) {
        return of(events, piece, false);
    }

    /**
     * The same for an inline value: a compile error has no column (the host puts it at the value's backtick, which
     * only it knows) and, unless a name is missing, says what an inline value must be.
     */
    Fault ofValue(List<SnippetEvent> events, Piece piece) {
        return of(events, piece, true);
    }

    private Fault of(List<SnippetEvent> events, Piece piece, boolean value) {
        SnippetEvent primary = events.stream().filter(e -> e.causeSnippet() == null).findFirst().orElse(null);
        if (primary == null || primary.snippet() == null) {
            return null;
        }
        Snippet sn = primary.snippet();
        if (primary.status() == Status.REJECTED) {
            return compileError(sn, piece, value);
        }
        if (primary.exception() != null) {
            return exception(primary.exception(), piece);
        }
        return null;
    }

    /**
     * A declaration that still refers to something undefined once its whole source ran. Checked at the end, so a
     * method may call one declared further down the same file.
     */
    Fault stillUnresolved(DeclarationSnippet decl) {
        Status status = shell.status(decl);
        if (status != Status.RECOVERABLE_DEFINED && status != Status.RECOVERABLE_NOT_DEFINED) {
            return null;
        }
        Piece origin = origins.get(decl.id());
        return origin == null ? null : unresolved(decl, origin);
    }

    private Fault compileError(Snippet sn, Piece piece, boolean value) {
        Diag diag = shell.diagnostics(sn).filter(Diag::isError).findFirst().orElse(null);
        if (diag == null) {
            return Fault.at(piece.from().path(), piece.firstCodeLine(), "compile error: jshell rejected the snippet",
                    value ? VALUE_HINT : "Check the syntax of the snippet");
        }
        String source = sn.source();
        int position = (int) Math.max(0, diag.getStartPosition());
        String message = "compile error: " + describe(diag.getMessage(null));
        String hint = message.contains("cannot find symbol") ? didYouMean(message) + UNDEFINED_HINT
                : value ? VALUE_HINT
                : "Fix the Java code; snippets run in JShell with its default imports (java.util.*, java.io.*, …)";
        if (value) {
            return new Fault(piece.from().path(), piece.lineAt(position), 0, message, hint);
        }
        return new Fault(piece.from().path(), piece.lineAt(position), Lines.column(source, position), message, hint);
    }

    private static final java.util.regex.Pattern MISSING = java.util.regex.Pattern.compile(
            "cannot find symbol: (method|variable|class) (\\w+)");

    /** "Did you mean 'kvCacheBytes'? " when the missing name is a typo of one the session defines. */
    private String didYouMean(String message) {
        java.util.regex.Matcher missing = MISSING.matcher(message);
        if (!missing.find()) {
            return "";
        }
        java.util.stream.Stream<String> names = switch (missing.group(1)) {
            case "method" -> shell.methods().map(jdk.jshell.MethodSnippet::name);
            case "variable" -> shell.variables().map(jdk.jshell.VarSnippet::name);
            default -> shell.types().map(jdk.jshell.TypeDeclSnippet::name);
        };
        return dev.llmqa.text.Suggest.didYouMean(missing.group(2), names.distinct().toList());
    }

    /** javac's message on one line: "cannot find symbol: variable kvCache". */
    static String describe(String javacMessage) {
        List<String> parts = new ArrayList<>();
        for (String line : javacMessage.split("\\R")) {
            String t = line.trim();
            if (!t.isEmpty() && !t.startsWith("location:")) {
                parts.add(t);
            }
        }
        if (parts.isEmpty()) {
            return javacMessage.trim();
        }
        StringBuilder sb = new StringBuilder(parts.get(0).replaceAll(";$", ""));
        for (String detail : parts.subList(1, parts.size())) {
            sb.append(detail.startsWith("symbol:") ? ": " + detail.substring("symbol:".length()).trim() : "; " + detail);
        }
        return sb.toString();
    }

    Fault exception(JShellException exception, Piece piece) {
        if (exception instanceof UnresolvedReferenceException unresolved) {
            Fault declared = unresolved(unresolved.getSnippet(), piece);
            return Fault.at(piece.from().path(), piece.firstCodeLine(), declared.message(),
                    "It is missing at " + declared.location() + ". " + declared.hint());
        }
        EvalException eval = (EvalException) exception;
        String className = eval.getExceptionClassName();
        if (className.equals("java.lang.OutOfMemoryError") && eval.getMessage() != null
                && eval.getMessage().startsWith("unable to create native thread")) {
            return Fault.at(piece.from().path(), piece.firstCodeLine(), Fault.TOO_MANY_THREADS, Fault.TOO_MANY_THREADS_HINT);
        }
        if (className.equals("java.lang.OutOfMemoryError")) {
            return Fault.at(piece.from().path(), piece.firstCodeLine(), Fault.OUT_OF_MEMORY, Fault.OUT_OF_MEMORY_HINT);
        }
        String simple = className.substring(className.lastIndexOf('.') + 1).replaceFirst("^\\$JShell\\$\\d+\\$", "");
        String message = simple + (eval.getMessage() == null ? "" : ": " + eval.getMessage());
        if (className.equals("java.lang.StackOverflowError")) {
            message += " (endless recursion?)";
        }
        int line = piece.firstCodeLine();
        List<String> where = new ArrayList<>();
        boolean placed = false;
        for (StackTraceElement frame : eval.getStackTrace()) {
            Piece origin = origins.get(String.valueOf(StackTrace.snippetId(frame)));
            if (origin == null) {
                continue;
            }
            int fileLine = origin.line() + Math.max(0, frame.getLineNumber() - 1);
            String method = frame.getMethodName().isEmpty() ? "" : frame.getMethodName() + " ";
            where.add("at " + method + "(" + origin.from().path() + ":" + fileLine + ")");
            if (!placed && origin.from().path().equals(piece.from().path())) {
                line = fileLine;
                placed = true;
            }
        }
        String hint = where.isEmpty() ? "The snippet threw it; fix the code or catch the exception"
                : "thrown " + String.join(", called ", where);
        return Fault.at(piece.from().path(), line, message, hint);
    }

    private Fault unresolved(DeclarationSnippet decl, Piece piece) {
        List<String> missing = shell.unresolvedDependencies(decl).toList();
        String what = missing.isEmpty() ? "a definition it depends on" : String.join(", ", missing);
        String kind = decl instanceof MethodSnippet method
                ? "method " + method.name() + "(" + method.parameterTypes() + ")"
                : decl instanceof jdk.jshell.VarSnippet ? "variable " + decl.name()
                : decl.subKind().name().replace("_SUBKIND", "").replace("_TYPE", "").toLowerCase(java.util.Locale.ROOT)
                        + " " + decl.name();
        Piece origin = origins.getOrDefault(decl.id(), piece);
        return Fault.at(origin.from().path(), lineOfName(origin, missing), "compile error: cannot find symbol: " + what + " (used by " + kind
                + ")", UNDEFINED_HINT);
    }

    /** The line where the first missing name appears in the declaration, else its first line. */
    private static int lineOfName(Piece origin, List<String> missing) {
        if (!missing.isEmpty()) {
            String name = missing.get(0).substring(missing.get(0).lastIndexOf(' ') + 1);
            Matcher m = Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(origin.code());
            if (m.find()) {
                return origin.lineAt(m.start());
            }
        }
        return origin.firstCodeLine();
    }
}
