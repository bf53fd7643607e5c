/** The execute stage: runs the executors (snippets, diagrams, math) over the blocks the scan extracted. */
package dev.llmqa.execute;
