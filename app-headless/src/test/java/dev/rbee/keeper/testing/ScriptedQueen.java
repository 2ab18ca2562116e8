package dev.rbee.keeper.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The "scripted peer" of scenarios.md's test kit: an HTTP server with fixed answers standing in for a queen that
 * misbehaves (an error mid-stream, a stream cut without its terminal event, silence, a cancel never confirmed, another
 * version). It is only for those cases; how keeper works with a real queen is tested against real daemons in
 * {@code features/}. Serves {@code /health}, a scripted {@code POST /v2/tasks}, {@code DELETE /v2/tasks/{id}}
 * (recorded) and {@code POST /v2/shutdown}, in the test JVM or as a process through {@link #main}.
 */
public final class ScriptedQueen implements AutoCloseable {

    /** Writes the task stream; {@code queen} offers the SSE helpers. */
    @FunctionalInterface
    public interface TaskScript {
        void run(HttpExchange exchange, ScriptedQueen queen) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final int port;
    private final List<String> cancels = new CopyOnWriteArrayList<>();
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private final CountDownLatch shutdown = new CountDownLatch(1);
    private volatile String version = "0.1.0";
    private volatile TaskScript script = ScriptedQueen::demoStream;

    public ScriptedQueen(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/health", ex -> reply(ex, 200, "{\"status\":\"ok\",\"version\":\"" + version + "\"}"));
        server.createContext("/v2/tasks", this::tasks);
        server.createContext("/v2/shutdown", ex -> {
            reply(ex, 200, "{\"hives\":1,\"workers\":2,\"force_killed\":[{\"node\":\"localhost\",\"process\":"
                    + "\"worker-3b1e\"}]}");
            shutdown.countDown();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        this.port = server.getAddress().getPort();
    }

    public static ScriptedQueen start() throws IOException {
        return new ScriptedQueen(0);
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public ScriptedQueen version(String newVersion) {
        this.version = newVersion;
        return this;
    }

    public ScriptedQueen script(TaskScript newScript) {
        this.script = newScript;
        return this;
    }

    public List<String> cancels() {
        return List.copyOf(cancels);
    }

    public boolean awaitCancel(long millis) throws InterruptedException {
        return cancelled.await(millis, TimeUnit.MILLISECONDS);
    }

    public boolean awaitShutdown(long millis) throws InterruptedException {
        return shutdown.await(millis, TimeUnit.MILLISECONDS);
    }

    private void tasks(HttpExchange ex) throws IOException {
        if (ex.getRequestMethod().equals("DELETE")) {
            String path = ex.getRequestURI().getPath();
            cancels.add(path.substring(path.lastIndexOf('/') + 1));
            cancelled.countDown();
            ex.sendResponseHeaders(204, -1);
            ex.close();
            return;
        }
        try {
            script.run(ex, this);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client went away (a cancel by disconnect); nothing more to send.
        } finally {
            ex.close();
        }
    }

    /** Commits {@code 200 text/event-stream} with {@code X-Job-Id}. */
    public OutputStream open(HttpExchange ex, String jobId) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "text/event-stream");
        if (jobId != null) {
            ex.getResponseHeaders().add("X-Job-Id", jobId);
        }
        ex.sendResponseHeaders(200, 0);
        return ex.getResponseBody();
    }

    public static void send(OutputStream out, String json) throws IOException {
        out.write(("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    public static void done(OutputStream out) throws IOException {
        out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    public static void reply(HttpExchange ex, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }

    /** started, three tokens, metrics, end MAX_TOKENS. */
    public static void demoStream(HttpExchange ex, ScriptedQueen queen) throws IOException {
        OutputStream out = queen.open(ex, "job-7f3c9a");
        for (String line : Events.warmRun("job-7f3c9a", "Hello", " world", "!")) {
            send(out, line);
        }
        done(out);
    }

    /** A token every 100 ms until a cancel arrives, then {@code end CANCELLED}. */
    public static void slowStream(HttpExchange ex, ScriptedQueen queen) throws IOException, InterruptedException {
        OutputStream out = queen.open(ex, "job-51041e");
        send(out, Events.started("job-51041e"));
        for (int i = 0; i < 600 && !queen.awaitCancel(100); i++) {
            send(out, Events.token("tok" + i + " ", i));
        }
        send(out, Events.end(1, "CANCELLED"));
        done(out);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** As a process: {@code --port <n> [--ephemeral]}; exits after a shutdown request or, if ephemeral, stdin EOF. */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[List.of(args).indexOf("--port") + 1]);
        ScriptedQueen queen = new ScriptedQueen(port);
        if ("slow".equals(System.getenv("FAKE_QUEEN_SCRIPT"))) {
            queen.script(ScriptedQueen::slowStream);
        }
        System.out.println("fake queen listening on " + port);
        if (List.of(args).contains("--ephemeral")) {
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    System.in.transferTo(OutputStream.nullOutputStream());
                } catch (IOException e) {
                    // treat as end of file
                }
                System.out.println("fake queen: stdin closed");
                System.exit(0);
            });
        }
        queen.awaitShutdown(Long.MAX_VALUE);
        Thread.sleep(100);
        queen.close();
        System.out.println("fake queen: shut down");
        System.exit(0);
    }
}
