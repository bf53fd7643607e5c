package dev.llmqa.bake;

import org.jbake.app.ContentStore;

/**
 * An in-memory content store that starts once: JBake's {@code Oven} calls {@link #startup()} again when it bakes,
 * which for a store that is up only makes its session the calling thread's.
 */
abstract class StartedOnce extends ContentStore {

    private boolean started;

    StartedOnce(String name) {
        super(EarlyStore.TYPE, name);
    }

    @Override
    public synchronized void startup() {
        if (started) {
            getDocumentCount("post"); // makes the session active on the calling thread (ContentStore's own way)
            return;
        }
        EarlyStore.configure();
        super.startup();
        started = true;
    }

    synchronized boolean started() {
        return started;
    }
}
