/** Syntax highlighting at build time: highlight.js run by the {@code js} engine (Node, or GraalJS), cached by content. */
package dev.llmqa.highlight;
