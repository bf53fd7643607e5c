/** The scan stage: reads content/**.md once, validates JBake headers, parses each body once and extracts its blocks, values and formulas with their file lines. */
package dev.llmqa.content;
