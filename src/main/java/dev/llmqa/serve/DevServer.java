package dev.llmqa.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves a folder on 127.0.0.1 with the JDK's HTTP server. HTML responses get a small script that listens on
 * {@value #EVENTS} (server-sent events) and reloads the page after a rebuild, or shows the build's problems.
 * The files on disk are never changed.
 */
public final class DevServer implements AutoCloseable {

    static final String EVENTS = "/__llmqa/events";
    private static final String CLIENT = "<script>(function(){var s=new EventSource('" + EVENTS + "');"
            + "s.addEventListener('reload',function(){location.reload();});"
            + "s.addEventListener('problems',function(e){var d=document.getElementById('llmqa-problems')"
            + "||document.body.appendChild(document.createElement('pre'));d.id='llmqa-problems';"
            + "d.style.cssText='position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;margin:0;padding:1em;"
            + "background:#2b0d0d;color:#ffd7d7;font:13px/1.4 monospace;z-index:99999;white-space:pre-wrap';"
            + "d.textContent=JSON.parse(e.data);});})();</script>";
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("json", "application/json"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("ico", "image/x-icon"), Map.entry("xml", "application/xml"), Map.entry("woff2", "font/woff2"),
            Map.entry("woff", "font/woff"), Map.entry("ttf", "font/ttf"), Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("jsh", "text/plain; charset=utf-8"));

    private final Path folder;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "llmqa-serve");
        thread.setDaemon(true);
        return thread;
    });
    private final List<OutputStream> listeners = new CopyOnWriteArrayList<>();

    public DevServer(Path folder, int port) throws IOException {
        this.folder = folder.toAbsolutePath().normalize();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.setExecutor(threads);
        server.createContext("/", this::serveFile);
        server.createContext(EVENTS, this::listen);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port() + "/";
    }

    /** Tells every open page to reload. */
    public void reload() {
        send("reload", "\"" + System.nanoTime() + "\"");
    }

    /** Shows the build's problems over every open page. */
    public void problems(String report) {
        send("problems", json(report));
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void serveFile(HttpExchange exchange) throws IOException {
        try (exchange) {
            String raw = URI.create(exchange.getRequestURI().getRawPath()).getPath();
            Path file = folder.resolve(raw.replaceFirst("^/+", "")).normalize();
            if (!file.startsWith(folder)) {
                respond(exchange, 403, "text/plain", "forbidden".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            if (!Files.isRegularFile(file)) {
                Path notFound = folder.resolve("404.html");
                byte[] body = Files.isRegularFile(notFound) ? withClient(Files.readAllBytes(notFound))
                        : ("Not found: " + raw).getBytes(StandardCharsets.UTF_8);
                respond(exchange, 404, Files.isRegularFile(notFound) ? TYPES.get("html") : "text/plain", body);
                return;
            }
            String type = TYPES.getOrDefault(extension(file), "application/octet-stream");
            byte[] body = Files.readAllBytes(file);
            respond(exchange, 200, type, type.startsWith("text/html") ? withClient(body) : body);
        }
    }

    private void listen(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        OutputStream stream = exchange.getResponseBody();
        stream.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
        stream.flush();
        listeners.add(stream);
    }

    private void send(String event, String data) {
        byte[] message = ("event: " + event + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
        for (OutputStream listener : listeners) {
            try {
                listener.write(message);
                listener.flush();
            } catch (IOException gone) {
                listeners.remove(listener);
            }
        }
    }

    private static byte[] withClient(byte[] html) {
        String page = new String(html, StandardCharsets.UTF_8);
        int end = page.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
        String injected = end < 0 ? page + CLIENT : page.substring(0, end) + CLIENT + page.substring(end);
        return injected.getBytes(StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    static String json(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
