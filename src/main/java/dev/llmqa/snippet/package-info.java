/** The snippet stage on the host: plans each page's JShell program, runs it on the worker pool (or takes it from the cache), checks transcripts. */
package dev.llmqa.snippet;
