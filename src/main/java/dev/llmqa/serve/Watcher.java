package dev.llmqa.serve;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches folder trees and calls back once per burst of changes (an editor's save is often several events),
 * after {@code quietMillis} without a new event.
 */
public final class Watcher implements AutoCloseable {

    private final WatchService service;
    private final Thread thread;
    private final long quietMillis;
    private final Runnable onChange;

    public Watcher(List<Path> roots, long quietMillis, Runnable onChange) throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
        this.quietMillis = quietMillis;
        this.onChange = onChange;
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                registerTree(root);
            }
        }
        this.thread = new Thread(this::loop, "llmqa-watch");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        service.close();
        thread.interrupt();
    }

    private void registerTree(Path root) throws IOException {
        try (Stream<Path> folders = Files.walk(root)) {
            for (Path folder : (Iterable<Path>) folders.filter(Files::isDirectory)::iterator) {
                folder.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private void loop() {
        try {
            while (true) {
                boolean relevant = drain(service.take());
                WatchKey next;
                while ((next = service.poll(quietMillis, TimeUnit.MILLISECONDS)) != null) {
                    relevant |= drain(next);
                }
                if (relevant) {
                    onChange.run();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean drain(WatchKey key) {
        boolean relevant = false;
        Path folder = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                relevant = true;
                continue;
            }
            Path changed = folder.resolve((Path) event.context());
            String name = changed.getFileName().toString();
            if (name.startsWith(".") || name.endsWith("~") || name.endsWith(".swp")) {
                continue;
            }
            relevant = true;
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(changed)) {
                try {
                    registerTree(changed);
                } catch (IOException e) {
                    // the folder went away again; nothing to watch
                }
            }
        }
        key.reset();
        return relevant;
    }
}
