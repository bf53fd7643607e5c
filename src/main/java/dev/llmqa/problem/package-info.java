/** Problems found while building: a path:line:column, a message and a hint, collected and reported once. */
package dev.llmqa.problem;
