package dev.llmqa.snippet.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** Threads that spin until closed: four on a 2-core machine leave a worker a third of a core at best. */
public final class BusyLoops implements AutoCloseable {

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();

    public BusyLoops(int count) {
        for (int i = 0; i < count; i++) {
            Thread thread = new Thread(() -> {
                long n = 0;
                while (running.get()) {
                    n++;
                }
                if (n == 42) {
                    System.out.print("");
                }
            }, "busy-loop-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
