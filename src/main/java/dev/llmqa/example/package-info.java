/** Example files: reading them safely from examples/, their JEP 413 regions, what include= blocks show, which files pages use, and publishing them. */
package dev.llmqa.example;
