/** What a build wrote and from which inputs (each output's key), so the next build renders only what changed. */
package dev.llmqa.manifest;
