/** The check stage: verifies the written pages (every page written, nothing empty). */
package dev.llmqa.check;
