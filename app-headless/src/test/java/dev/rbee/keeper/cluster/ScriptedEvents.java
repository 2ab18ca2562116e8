package dev.rbee.keeper.cluster;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The test kit's scripted peer for {@code GET /v2/events}: a queen that cuts streams, falls silent, or starts with
 * something other than a snapshot, which a real queen does not do on demand. Each connection plays the next script;
 * how the watcher follows a real queen is {@code features/keeper/cluster_watcher.feature}.
 */
final class ScriptedEvents implements AutoCloseable {

    @FunctionalInterface
    interface Script {
        void play(Stream stream) throws IOException, InterruptedException;
    }

    /** One open event stream. */
    static final class Stream {
        private final OutputStream out;
        private final CountDownLatch serverClosed;

        Stream(OutputStream out, CountDownLatch serverClosed) {
            this.out = out;
            this.serverClosed = serverClosed;
        }

        Stream send(String json) throws IOException {
            return raw("data: " + json.replace('\'', '"') + "\n\n");
        }

        Stream raw(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return this;
        }

        /** Keeps the stream open until the server is closed. */
        void hold() throws InterruptedException {
            serverClosed.await(30, TimeUnit.SECONDS);
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Script> scripts = new LinkedBlockingQueue<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicInteger connections = new AtomicInteger();

    ScriptedEvents() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v2/events", this::serve);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    ScriptedEvents then(Script script) {
        scripts.add(script);
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int connections() {
        return connections.get();
    }

    private void serve(HttpExchange ex) throws IOException {
        connections.incrementAndGet();
        Script script = scripts.poll();
        if (script == null) {
            ex.sendResponseHeaders(503, -1); // Out of scripts: the watcher keeps retrying, which is fine.
            ex.close();
            return;
        }
        ex.getResponseHeaders().add("Content-Type", "text/event-stream");
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody()) {
            script.play(new Stream(out, closed));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientLeft) {
            // The watcher cut the stream (silence, close): nothing more to write.
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
    }
}
