package dev.llmqa.snippet.worker;

import dev.llmqa.snippet.worker.FeedbackFormat.Action;
import dev.llmqa.snippet.worker.FeedbackFormat.Case;
import dev.llmqa.snippet.worker.FeedbackFormat.Resolve;
import dev.llmqa.snippet.worker.FeedbackFormat.When;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.ImportSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.Snippet.Status;
import jdk.jshell.SnippetEvent;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/** Prints a snippet's events as the jshell tool does in its default feedback mode (JShellTool.handleEvent). */
final class ToolFeedback {

    private static final Pattern LINEBREAK = Pattern.compile("\\R");
    private static final String PRE = "|  ";

    private final JShell shell;
    private final LocalEngine engine;

    ToolFeedback(JShell shell, LocalEngine engine) {
        this.shell = shell;
        this.engine = engine;
    }

    /** Appends what the tool prints for one eval; returns true when the tool counts it failed (rest of input dropped). */
    boolean render(List<SnippetEvent> events, StringBuilder out) {
        boolean failed = false;
        for (SnippetEvent event : events) {
            failed |= render(event, out);
        }
        return failed;
    }

    private boolean render(SnippetEvent event, StringBuilder out) {
        Snippet sn = event.snippet();
        if (sn == null) {
            return false;
        }
        List<Diag> diagnostics = shell.diagnostics(sn).toList();
        if (event.causeSnippet() != null) {
            boolean replacedOnlyHere = event.previousStatus().isActive() && event.isSignatureChange()
                    && redefinedInTool();
            if (sn instanceof DeclarationSnippet && !replacedOnlyHere) {
                display(sn, event.status(), action(event), When.UPDATE, event.value(), errorsOnly(diagnostics), out);
            }
            return false;
        }
        for (Diag d : diagnostics) {
            out.append(PRE).append(d.isError() ? "Error:" : "Warning:").append('\n');
            for (String line : displayable(sn.source(), d)) {
                out.append(PRE).append(line).append('\n');
            }
        }
        if (event.status() == Status.REJECTED) {
            if (diagnostics.isEmpty()) {
                out.append(PRE).append("Failed.\n");
            }
            return true;
        }
        if (event.exception() != null) {
            return exception(event.exception(), out);
        }
        display(sn, event.status(), action(event), When.PRIMARY, event.value(), diagnostics, out);
        return false;
    }

    private boolean exception(JShellException exception, StringBuilder out) {
        Throwable root = exception;
        while (root instanceof EvalException) {
            root = root.getCause();
        }
        if (root != exception && root instanceof UnresolvedReferenceException) {
            return exception((JShellException) root, null, out);
        }
        return exception(exception, null, out);
    }

    private boolean exception(JShellException exception, StackTraceElement[] caused, StringBuilder out) {
        if (exception instanceof UnresolvedReferenceException unresolved) {
            DeclarationSnippet sn = unresolved.getSnippet();
            display(sn, shell.status(sn), Action.USED, When.UPDATE, null, errorsOnly(shell.diagnostics(sn).toList()),
                    out);
            return false;
        }
        if (!(exception instanceof EvalException eval)) {
            out.append(PRE).append("Unexpected execution exception: ").append(exception).append('\n');
            return true;
        }
        String message = eval.getMessage();
        out.append(PRE).append(caused == null ? "Exception " : "Caused by: ").append(eval.getExceptionClassName());
        out.append(message == null ? "" : ": " + message).append('\n');
        for (String frame : StackTrace.toolFrames(eval.getStackTrace(), caused)) {
            out.append(PRE).append(frame).append('\n');
        }
        if (eval.getCause() != null) {
            exception(eval.getCause(), eval.getStackTrace(), out);
        }
        return true;
    }

    private void display(Snippet sn, Status status, Action action, When when, String value, List<Diag> errors,
                         StringBuilder out) {
        Resolve resolve = Resolve.OK;
        String unresolved = "";
        int unresolvedCount = 0;
        if (sn instanceof DeclarationSnippet decl
                && (status == Status.RECOVERABLE_DEFINED || status == Status.RECOVERABLE_NOT_DEFINED)) {
            resolve = status == Status.RECOVERABLE_NOT_DEFINED ? Resolve.NOTDEFINED : Resolve.DEFINED;
            List<String> names = shell.unresolvedDependencies(decl).toList();
            unresolved = joinUnresolved(names);
            unresolvedCount = names.size();
        }
        List<String> errorLines = new ArrayList<>();
        for (Diag d : errors) {
            errorLines.addAll(displayable(sn.source(), d));
        }
        Case fcase = caseOf(sn);
        if (fcase == null) {
            if (sn.subKind() == Snippet.SubKind.OTHER_EXPRESSION_SUBKIND) {
                out.append(PRE).append("Unexpected expression form -- value is: ").append(value).append('\n');
            }
            return;
        }
        out.append(FeedbackFormat.display(new FeedbackFormat.Event(fcase, action, when, resolve, nameOf(sn),
                typeOf(sn), value, unresolved, unresolvedCount, errors.size(), errorLines)));
    }

    private static String joinUnresolved(List<String> names) {
        StringBuilder sb = new StringBuilder();
        int fromLast = names.size();
        if (fromLast > 0) {
            sb.append(' ');
        }
        for (String name : names) {
            --fromLast;
            sb.append(name);
            if (fromLast == 1) {
                sb.append(", and ");
            } else if (fromLast > 1) {
                sb.append(", ");
            }
        }
        return sb.toString();
    }

    /** The tool's JVM redefines classes in place where the local engine must replace them. */
    private boolean redefinedInTool() {
        return Boolean.TRUE.equals(engine.redefinedInTool());
    }

    private Action action(SnippetEvent e) {
        return switch (e.status()) {
            case VALID, RECOVERABLE_DEFINED, RECOVERABLE_NOT_DEFINED -> e.previousStatus().isActive()
                    ? (e.isSignatureChange() && !redefinedInTool() ? Action.REPLACED : Action.MODIFIED)
                    : Action.ADDED;
            case OVERWRITTEN -> Action.OVERWROTE;
            default -> Action.DROPPED;
        };
    }

    private static Case caseOf(Snippet sn) {
        return switch (sn.subKind()) {
            case CLASS_SUBKIND -> Case.CLASS;
            case INTERFACE_SUBKIND -> Case.INTERFACE;
            case ENUM_SUBKIND -> Case.ENUM;
            case ANNOTATION_TYPE_SUBKIND -> Case.ANNOTATION;
            case RECORD_SUBKIND -> Case.RECORD;
            case METHOD_SUBKIND -> Case.METHOD;
            case VAR_DECLARATION_SUBKIND -> Case.VARDECL;
            case VAR_DECLARATION_WITH_INITIALIZER_SUBKIND -> Case.VARINIT;
            case TEMP_VAR_EXPRESSION_SUBKIND -> Case.EXPRESSION;
            case VAR_VALUE_SUBKIND -> Case.VARVALUE;
            case ASSIGNMENT_SUBKIND -> Case.ASSIGNMENT;
            case SINGLE_TYPE_IMPORT_SUBKIND, TYPE_IMPORT_ON_DEMAND_SUBKIND, SINGLE_STATIC_IMPORT_SUBKIND,
                    STATIC_IMPORT_ON_DEMAND_SUBKIND -> Case.IMPORT;
            case STATEMENT_SUBKIND -> Case.STATEMENT;
            default -> null;
        };
    }

    private static String nameOf(Snippet sn) {
        if (sn instanceof DeclarationSnippet decl) {
            return decl.name();
        } else if (sn instanceof ExpressionSnippet expr) {
            return expr.name();
        } else if (sn instanceof ImportSnippet imp) {
            return imp.name();
        }
        return null;
    }

    private static String typeOf(Snippet sn) {
        if (sn instanceof MethodSnippet method) {
            return method.parameterTypes();
        } else if (sn instanceof VarSnippet var) {
            return var.typeName();
        } else if (sn instanceof ExpressionSnippet expr) {
            return expr.typeName();
        } else if (sn instanceof TypeDeclSnippet) {
            return null;
        }
        return null;
    }

    static List<Diag> errorsOnly(List<Diag> diagnostics) {
        return diagnostics.stream().filter(Diag::isError).toList();
    }

    /** The message lines (without "location:"), the source line and a caret line, as the tool shows a diagnostic. */
    static List<String> displayable(String source, Diag diag) {
        List<String> lines = new ArrayList<>();
        for (String line : diag.getMessage(null).split("\\r?\\n")) {
            if (!line.trim().startsWith("location:")) {
                lines.add(line);
            }
        }
        int pstart = (int) diag.getStartPosition();
        int pend = (int) diag.getEndPosition();
        if (pstart < 0 || pend < 0) {
            pstart = 0;
            pend = source.length();
        }
        Matcher m = LINEBREAK.matcher(source);
        int pstartl = 0;
        int pendl = -2;
        while (m.find(pstartl)) {
            pendl = m.start();
            if (pendl >= pstart) {
                break;
            }
            pstartl = m.end();
        }
        if (pendl < pstartl) {
            pendl = source.length();
        }
        lines.add(source.substring(pstartl, pendl));
        StringBuilder caret = new StringBuilder();
        int start = pstart - pstartl;
        caret.append(" ".repeat(Math.max(0, start))).append('^');
        boolean multiline = pend > pendl;
        int end = (multiline ? pendl : pend) - pstartl - 1;
        if (end > start) {
            caret.append("-".repeat(Math.max(0, end - start - 1)));
            caret.append(multiline ? "-..." : "^");
        }
        lines.add(caret.toString());
        return lines;
    }
}
