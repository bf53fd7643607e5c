package dev.llmqa.snippet.worker;

import java.util.List;
import java.util.Set;

/**
 * The jshell tool's "normal" feedback mode as a function: which line the tool prints for a declaration or value.
 * Mirrors the {@code /set format} settings of the tool's built-in modes (normal inherits verbose and overrides
 * a few cases; the most recent setting that covers a case wins).
 */
final class FeedbackFormat {

    enum Case { IMPORT, CLASS, INTERFACE, ENUM, ANNOTATION, RECORD, METHOD, VARDECL, VARINIT, EXPRESSION, VARVALUE,
        ASSIGNMENT, STATEMENT }

    enum Action { ADDED, MODIFIED, REPLACED, OVERWROTE, DROPPED, USED }

    enum When { PRIMARY, UPDATE }

    enum Resolve { OK, DEFINED, NOTDEFINED }

    /** Everything the tool knows about one event when it formats it. */
    record Event(Case fcase, Action action, When when, Resolve resolve, String name, String type, String value,
                 String unresolved, int unresolvedCount, int errorCount, List<String> errorLines) {
    }

    private static final String PRE = "|  ";
    private static final String POST = "\n";
    private static final Set<Case> TYPES = Set.of(Case.CLASS, Case.INTERFACE, Case.ENUM, Case.ANNOTATION, Case.RECORD);
    private static final Set<Case> VARS = Set.of(Case.VARDECL, Case.VARINIT);
    private static final Set<Case> RESULTS = Set.of(Case.EXPRESSION, Case.VARVALUE, Case.ASSIGNMENT, Case.VARINIT,
            Case.VARDECL);
    private static final Set<Action> CHANGES = Set.of(Action.ADDED, Action.MODIFIED, Action.REPLACED);

    private FeedbackFormat() {
    }

    static String display(Event e) {
        boolean change = CHANGES.contains(e.action());
        if (change && RESULTS.contains(e.fcase()) && e.resolve() == Resolve.OK && e.when() == When.PRIMARY) {
            return result(e);
        }
        if (e.action() == Action.REPLACED && VARS.contains(e.fcase()) && e.resolve() == Resolve.NOTDEFINED) {
            return PRE + action(e) + " variable " + e.name() + resolve(e) + POST;
        }
        if (e.action() == Action.REPLACED && VARS.contains(e.fcase()) && e.resolve() == Resolve.OK
                && e.when() == When.UPDATE) {
            return PRE + action(e) + " variable " + e.name() + ", reset to null" + POST;
        }
        if (e.when() == When.UPDATE && e.action() != Action.USED) {
            return "";
        }
        return verbose(e);
    }

    private static String verbose(Event e) {
        if (e.action() == Action.USED && e.fcase() == Case.METHOD) {
            return PRE + "attempted to call method " + e.name() + "(" + e.type() + ")" + resolve(e) + POST;
        }
        if (e.action() == Action.USED && TYPES.contains(e.fcase())) {
            return PRE + "attempted to use " + typeKind(e.fcase()) + " " + e.name() + resolve(e) + POST;
        }
        if (e.fcase() == Case.METHOD) {
            return PRE + action(e) + " method " + e.name() + "(" + e.type() + ")" + resolve(e) + POST;
        }
        if (TYPES.contains(e.fcase())) {
            return PRE + action(e) + " " + typeKind(e.fcase()) + " " + e.name() + resolve(e) + POST;
        }
        if (VARS.contains(e.fcase())) {
            if (e.resolve() == Resolve.NOTDEFINED) {
                return PRE + action(e) + " variable " + e.name() + resolve(e) + POST;
            }
            return result(e) + PRE + action(e) + " variable " + e.name() + " : " + e.type() + resolve(e) + POST;
        }
        boolean primaryChange = e.when() == When.PRIMARY && CHANGES.contains(e.action());
        return switch (e.fcase()) {
            case ASSIGNMENT -> e.when() == When.PRIMARY
                    ? result(e) + PRE + "assigned to " + e.name() + " : " + e.type() + POST : "";
            case VARVALUE -> primaryChange ? result(e) + PRE + "value of " + e.name() + " : " + e.type() + POST : "";
            case EXPRESSION -> primaryChange
                    ? result(e) + PRE + "created scratch variable " + e.name() + " : " + e.type() + POST : "";
            default -> "";
        };
    }

    private static String result(Event e) {
        boolean ok = e.resolve() == Resolve.OK && e.when() == When.PRIMARY && CHANGES.contains(e.action());
        return ok ? e.name() + " ==> " + truncate(e.value(), e.fcase()) + POST : "";
    }

    private static String action(Event e) {
        String verb = switch (e.action()) {
            case ADDED -> "created";
            case MODIFIED -> "modified";
            case REPLACED -> "replaced";
            case OVERWROTE -> "overwrote";
            case DROPPED -> "dropped";
            case USED -> "";
        };
        return e.when() == When.UPDATE && !verb.isEmpty() ? "  update " + verb : verb;
    }

    private static String typeKind(Case c) {
        return switch (c) {
            case ANNOTATION -> "annotation interface";
            default -> c.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String resolve(Event e) {
        if (e.resolve() == Resolve.OK || !(CHANGES.contains(e.action()) || e.action() == Action.USED)) {
            return "";
        }
        return until(e) + unresolvedOrErrors(e);
    }

    private static String until(Event e) {
        boolean primary = e.when() == When.PRIMARY;
        if (e.resolve() == Resolve.NOTDEFINED) {
            return primary ? ", however, it cannot be referenced until" : " which cannot be referenced until";
        }
        return switch (e.fcase()) {
            case CLASS, RECORD -> primary ? ", however, it cannot be instantiated or its methods invoked until"
                    : " which cannot be instantiated or its methods invoked until";
            case INTERFACE -> primary ? ", however, its methods cannot be invoked until"
                    : " whose methods cannot be invoked until";
            case ENUM, ANNOTATION -> primary ? ", however, it cannot be used until" : "";
            case METHOD -> primary ? ", however, it cannot be invoked until" : " which cannot be invoked until";
            default -> "";
        };
    }

    private static String unresolvedOrErrors(Event e) {
        StringBuilder errors = new StringBuilder();
        for (String line : e.errorLines()) {
            errors.append(POST).append(PRE).append("    ").append(line);
        }
        String declared = e.unresolvedCount() == 0 ? ""
                : e.unresolved() + (e.unresolvedCount() == 1 ? " is declared" : " are declared");
        String corrected = e.errorCount() == 0 ? ""
                : (e.errorCount() == 1 ? " this error is corrected: " : " these errors are corrected: ") + errors;
        if (!declared.isEmpty() && !corrected.isEmpty()) {
            return declared + " and" + corrected;
        }
        return declared + corrected;
    }

    /** The tool shortens long values in the middle: 1000 characters for expressions, 80 for the rest. */
    static String truncate(String value, Case c) {
        if (value == null) {
            return "";
        }
        int limit = c == Case.VARVALUE || c == Case.EXPRESSION ? 1000 : 80;
        if (value.length() <= limit) {
            return value;
        }
        int endLen = limit / 3;
        int startLen = limit - 5 - endLen;
        return value.substring(0, startLen) + " ... " + value.substring(value.length() - endLen);
    }
}
