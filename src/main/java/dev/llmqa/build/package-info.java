/** The composition root and the loop: builds every stage and the tools kept warm (Pipeline, Tools), runs the stages in order, and swaps the finished site into place (Publish). */
package dev.llmqa.build;
