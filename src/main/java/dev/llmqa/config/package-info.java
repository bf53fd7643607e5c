/** Options read once into immutable objects: where the project's folders are and how the build behaves. */
package dev.llmqa.config;
