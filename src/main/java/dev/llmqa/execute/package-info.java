/** What the executors share: the executor port (one result type per feature), tools made on first use, and the content-addressed text cache. */
package dev.llmqa.execute;
