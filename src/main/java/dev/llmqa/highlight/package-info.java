/** Syntax highlighting at build time: highlight.js run by GraalJS, cached by content. */
package dev.llmqa.highlight;
