/** Mermaid diagrams pre-rendered to SVG: a content-addressed store, the Mermaid CLI adapter, the block renderer. */
package dev.llmqa.diagram;
