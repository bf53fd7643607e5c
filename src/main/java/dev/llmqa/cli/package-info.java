/** The command line (picocli): build, serve, check. */
package dev.llmqa.cli;
