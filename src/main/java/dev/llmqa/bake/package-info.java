/** The render stage: JBake with our flexmark engine and FreeMarker templates, baking into a staging folder. */
package dev.llmqa.bake;
