/** The preview server: serves the site on 127.0.0.1, rebuilds on changes and reloads the open page. */
package dev.llmqa.serve;
