/** The command line (picocli): build, check, serve, new, prune-diagrams; each command asks the build package for its pipeline. */
package dev.llmqa.cli;
