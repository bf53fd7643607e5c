package dev.llmqa.snippet.pool;

/**
 * A runner that outlives builds: closing it does nothing, so its worker JVMs stay warm for the next build
 * (the preview server, the test suite). Whoever made the underlying runner closes it.
 */
public record SharedRunner(SnippetRunner runner) implements SnippetRunner {

    @Override
    public PageResult run(PageProgram program) {
        return runner.run(program);
    }

    @Override
    public Sandbox.Isolation isolation() {
        return runner.isolation();
    }

    @Override
    public void close() {
        // the owner closes the underlying runner
    }
}
