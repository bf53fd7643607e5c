/** Rules over a page's prose: a number a kernel can compute is an inline value, a quoted one is cited. */
package dev.llmqa.prose;
