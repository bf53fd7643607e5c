/** jshell transcripts: split into inputs and expected output, and compared with what jshell printed the way a reader would. */
package dev.llmqa.snippet.transcript;
