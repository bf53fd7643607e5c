package dev.llmqa.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.logging.LogManager;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * JBake (slf4j) and OrientDB (java.util.logging) are silent unless -v asks for their logs. Without -v, logback is
 * left alone: {@link LogbackSetup} turns it off when JBake first logs, so a command that never gets that far (a
 * build with nothing to do) does not start it.
 */
final class Logging {

    private Logging() {
    }

    static void configure(boolean verbose) {
        LogManager.getLogManager().reset();
        java.util.logging.Logger julRoot = java.util.logging.Logger.getLogger("");
        julRoot.setLevel(verbose ? java.util.logging.Level.INFO : java.util.logging.Level.OFF);
        if (verbose) {
            SLF4JBridgeHandler.install();
            Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            root.setLevel(Level.INFO);
        }
    }
}
