package dev.llmqa.bake;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jbake.app.ContentStore;

/**
 * JBake's content store, an in-memory OrientDB, started on a thread of its own when the build begins, so the render
 * stage finds it ready: starting one costs 1–2 s (several on a cold JVM), which now passes beside the scan and the
 * execute stage ({@link StartedOnce}). A store is used by one bake only; an unused one is closed.
 */
final class EarlyStore extends StartedOnce {

    static final String TYPE = "memory";
    static final String NAME = "llmqa";

    private EarlyStore() {
        super(NAME);
    }

    /**
     * Starts a store on a daemon thread. {@code lock} is the one every JBake use holds (JBake's global state); the
     * returned future is empty when starting failed (the bake then starts its own and reports what goes wrong).
     */
    static CompletableFuture<Optional<Started>> begin(Object lock, java.util.function.IntSupplier bakes) {
        return CompletableFuture.supplyAsync(() -> {
            synchronized (lock) {
                EarlyStore store = new EarlyStore();
                try {
                    store.startup();
                    return Optional.of(new Started(store, bakes.getAsInt()));
                } catch (RuntimeException e) {
                    return Optional.empty();
                }
            }
        }, runnable -> {
            Thread thread = new Thread(runnable, "llmqa-orientdb");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** Closes a store no bake used; one whose OrientDB a later bake shut down is already gone. */
    static void discard(Object lock, Started started) {
        synchronized (lock) {
            try {
                started.store().close();
            } catch (RuntimeException e) {
                // shut down with OrientDB already
            }
        }
    }

    /** A started store and how many bakes had ended when it started (a bake's end shuts OrientDB down). */
    record Started(EarlyStore store, int afterBakes) {
    }
}
