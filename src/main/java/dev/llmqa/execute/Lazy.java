package dev.llmqa.execute;

import java.util.function.Supplier;

/**
 * A costly tool (a JavaScript engine that takes seconds to load) made on first use and then reused; closing
 * closes it if it was made. A build that makes its own closes it when done; the preview server keeps one across
 * rebuilds, so an edited formula or code block costs what it changed, not a reload.
 */
public final class Lazy<T extends AutoCloseable> implements AutoCloseable {

    private final Supplier<T> make;
    private T made;

    public Lazy(Supplier<T> make) {
        this.make = make;
    }

    public synchronized T get() {
        if (made == null) {
            made = make.get();
        }
        return made;
    }

    @Override
    public synchronized void close() {
        if (made != null) {
            try {
                made.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing " + made.getClass().getSimpleName() + " failed: " + e, e);
            } finally {
                made = null;
            }
        }
    }
}
