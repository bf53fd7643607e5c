/**
 * The JavaScript the build runs (KaTeX, highlight.js): the pinned library files from the WebJars, one glue script,
 * and two engines that run them: Node when it is on the PATH, GraalJS inside the JVM otherwise.
 */
package dev.llmqa.js;
