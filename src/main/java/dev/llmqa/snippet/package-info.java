/** Runs a page's Java snippets in a fresh JShell session inside a warm, isolated worker JVM. */
package dev.llmqa.snippet;
