/** The checks over the written site: each written file read once (ReadPages), every page written and not empty (OutputCheck), every link, anchor and asset resolves (LinkCheck). */
package dev.llmqa.check;
