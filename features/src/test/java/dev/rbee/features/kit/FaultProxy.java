package dev.rbee.features.kit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The test kit's fault proxy (scenarios.md): a loopback TCP proxy in front of one component that can cut every
 * connection once the answers it relayed hold a given number of {@code token} events. It records when it cut, so a
 * scenario can time what happens afterwards.
 */
public final class FaultProxy implements AutoCloseable {
    private static final byte[] TOKEN_EVENT = "\"type\":\"token\"".getBytes(StandardCharsets.UTF_8);

    private final ServerSocket listener;
    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile int cutAfterTokens = Integer.MAX_VALUE;
    private volatile long cutAtNanos;
    /** Request lines to count (e.g. {@code POST /v2/hives/heartbeat}) and when each was seen. */
    private final java.util.Map<String, List<Long>> watched = new java.util.concurrent.ConcurrentHashMap<>();

    public FaultProxy(int targetPort) {
        this.targetPort = targetPort;
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().start(this::accept);
    }

    public String url() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    public void cutAfterTokens(int tokens) {
        cutAfterTokens = tokens;
    }

    /** From now on, every request whose request line starts with {@code requestLine} is timed. */
    public void watchRequests(String requestLine) {
        watched.putIfAbsent(requestLine, new CopyOnWriteArrayList<>());
    }

    /** When each watched request passed the proxy ({@link System#nanoTime()}). */
    public List<Long> requestTimes(String requestLine) {
        return List.copyOf(watched.getOrDefault(requestLine, List.of()));
    }

    /** When the connections were cut, or 0 while they were not. */
    public long cutAtNanos() {
        return cutAtNanos;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(client);
                open.add(target);
                Thread.ofVirtual().start(() -> pump(client, target, false));
                Thread.ofVirtual().start(() -> pump(target, client, true));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void pump(Socket from, Socket to, boolean isAnswer) {
        byte[] buffer = new byte[8192];
        int tokens = 0;
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                out.flush();
                tokens += isAnswer ? count(buffer, n) : 0;
                if (!isAnswer) {
                    timeWatchedRequests(buffer, n);
                }
                if (tokens >= cutAfterTokens) {
                    cutAll();
                    return;
                }
            }
        } catch (IOException e) {
            // one side went away; the other follows when its socket closes
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void cutAll() {
        if (cutAtNanos == 0) {
            cutAtNanos = System.nanoTime();
        }
        open.forEach(FaultProxy::closeQuietly);
    }

    /** A small request arrives in one read on loopback, so a request line is not split across buffers. */
    private void timeWatchedRequests(byte[] buffer, int length) {
        String text = new String(buffer, 0, length, StandardCharsets.ISO_8859_1);
        watched.forEach((line, times) -> {
            for (int at = text.indexOf(line); at >= 0; at = text.indexOf(line, at + 1)) {
                if (at == 0 || text.startsWith("\r\n", at - 2)) {
                    times.add(System.nanoTime());
                }
            }
        });
    }

    private static int count(byte[] buffer, int length) {
        int found = 0;
        for (int i = 0; i + TOKEN_EVENT.length <= length; i++) {
            if (java.util.Arrays.equals(buffer, i, i + TOKEN_EVENT.length, TOKEN_EVENT, 0, TOKEN_EVENT.length)) {
                found++;
            }
        }
        return found;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        cutAll();
        try {
            listener.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
