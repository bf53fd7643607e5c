/** The one flexmark configuration, and the dispatch that renders a page's parsed body, giving each block, value and formula to its renderer. */
package dev.llmqa.markdown;
