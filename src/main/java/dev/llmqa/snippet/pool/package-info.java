/** The host's side of the process boundary: warm worker JVMs started, fed one page at a time, timed out, and replaced when a snippet kills one. */
package dev.llmqa.snippet.pool;
