/** The model that flows down the pipeline: the pages, what was computed for them, where they are written. */
package dev.llmqa.site;
