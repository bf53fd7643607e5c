/** flexmark setup and the fenced-block dispatch that lets each block kind render itself. */
package dev.llmqa.markdown;
