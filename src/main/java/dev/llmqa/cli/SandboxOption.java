package dev.llmqa.cli;

import dev.llmqa.config.SandboxMode;
import picocli.CommandLine;

/** {@code --sandbox=auto|required|off}, case-insensitive; anything else is a usage error that says what is allowed. */
final class SandboxOption implements CommandLine.ITypeConverter<SandboxMode> {

    @Override
    public SandboxMode convert(String value) {
        try {
            return SandboxMode.parse(value, "--sandbox");
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
