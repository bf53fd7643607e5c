package dev.llmqa.snippet.pool;

/** The port the build runs snippets through: one page at a time per call, calls may come from many threads. */
public interface SnippetRunner extends AutoCloseable {

    PageResult run(PageProgram program);

    /** How snippets are kept from the build's machine, for the build summary. */
    Sandbox.Isolation isolation();

    /** Stops whatever runs snippets; no process is left behind. */
    @Override
    void close();
}
