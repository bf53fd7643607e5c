/** The pipeline: scan, execute, render, check, publish; and the atomic publish of the staging folder. */
package dev.llmqa.build;
