package dev.llmqa.bake;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * JBake's content store kept up across the bakes of one {@code serve} session: creating an in-memory OrientDB is
 * half of what baking one changed page costs. JBake's {@code Oven} closes its store and shuts OrientDB down after
 * every bake; this one stays open (JBake clears its documents at the start of each bake, as our configuration asks),
 * and is dropped and closed with the session's tools, without shutting OrientDB down. Any bake in this JVM that does shut OrientDB down (a one-off build's)
 * kills it, so the render stage makes a new one then ({@link Render}). Each kept store has a database of its own.
 */
public final class KeptStore implements AutoCloseable {

    private static final AtomicInteger NAMES = new AtomicInteger();

    private Store store;
    /** How many times OrientDB had been shut down in this JVM when the store started. */
    private int since;

    /** The store, started (or made anew when there is none or OrientDB was shut down since); under Render's lock. */
    StartedOnce take(int shutdowns) {
        if (store == null || since != shutdowns) {
            discard();
            Store made = new Store(EarlyStore.NAME + "-kept-" + NAMES.incrementAndGet());
            made.startup();
            store = made;
            since = shutdowns;
        }
        return store;
    }

    /** Drops the store's database and closes it (OrientDB itself stays up for the JVM's other stores); under Render's lock. */
    void discard() {
        if (store != null) {
            try {
                store.reallyClose();
            } catch (RuntimeException e) {
                // OrientDB was shut down under it
            }
            store = null;
        }
    }

    @Override
    public void close() {
        Render.discard(this);
    }

    /** A store JBake's Oven cannot close: its close and shutdown do nothing; {@link #reallyClose} drops and closes it. */
    private static final class Store extends StartedOnce {

        Store(String name) {
            super(name);
        }

        @Override
        public void close() {
        }

        @Override
        public void shutdown() {
        }

        void reallyClose() {
            if (started()) {
                try {
                    drop();
                } finally {
                    super.close();
                }
            }
        }
    }
}
