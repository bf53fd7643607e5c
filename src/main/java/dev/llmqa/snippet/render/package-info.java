/** The snippet renderers: java blocks with their output, transcripts, and inline values, each made with the snippet stage's results. */
package dev.llmqa.snippet.render;
