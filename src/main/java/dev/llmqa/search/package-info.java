/** Full-text search: sections of the built pages indexed at build time, searched in the browser with lunr. */
package dev.llmqa.search;
