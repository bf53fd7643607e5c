package dev.llmqa.config;

import java.util.Locale;
import java.util.Map;

/**
 * Whether snippets run in a sandbox: {@code auto} uses bubblewrap where it works and otherwise says the snippets ran
 * unsandboxed; {@code required} makes a missing sandbox an error (CI sets it, so a green run proves the sandbox ran);
 * {@code off} never sandboxes. From {@code --sandbox=} or the {@code LLMQA_SANDBOX} environment variable.
 */
public enum SandboxMode {
    AUTO, REQUIRED, OFF;

    public static final String VARIABLE = "LLMQA_SANDBOX";

    /** The mode {@code LLMQA_SANDBOX} asks for; {@code auto} when it is unset. */
    public static SandboxMode of(Map<String, String> env) {
        String value = env.get(VARIABLE);
        return value == null || value.isBlank() ? AUTO : parse(value, VARIABLE);
    }

    /** @param where what gave the value ("--sandbox", "LLMQA_SANDBOX"), for the message */
    public static SandboxMode parse(String value, String where) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " must be auto, required or off, not '" + value + "'");
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
