/** Math typeset at build time: KaTeX (run by the {@code js} engine: Node, or GraalJS inside the JVM), its CSS and fonts copied into the site. */
package dev.llmqa.math;
