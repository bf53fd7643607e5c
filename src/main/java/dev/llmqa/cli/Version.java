package dev.llmqa.cli;

import dev.llmqa.config.Release;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the tool's version and the Java it runs on. */
public final class Version implements IVersionProvider {

    public static String number() {
        return Release.version();
    }

    @Override
    public String[] getVersion() {
        return new String[] {"llmqa " + number(), "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
    }
}
