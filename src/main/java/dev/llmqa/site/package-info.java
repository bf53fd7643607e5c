/** The model that flows down the pipeline: pages parsed once, the renderers the execute stage bound to its results, the written files as read once. */
package dev.llmqa.site;
