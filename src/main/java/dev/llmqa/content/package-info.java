/** The scan stage: reads content/*.md, parses and validates JBake headers, extracts fenced blocks with their file lines. */
package dev.llmqa.content;
