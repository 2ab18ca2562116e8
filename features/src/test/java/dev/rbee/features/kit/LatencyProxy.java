package dev.rbee.features.kit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The fault proxy of S012 for a TCP service: everything the target sends back reaches the client {@code delayMs}
 * later (in order), so each round trip over it, an SSH command included, takes at least that much longer.
 */
public final class LatencyProxy implements AutoCloseable {
    private record Chunk(long dueNanos, byte[] bytes) {
    }

    private final ServerSocket listener;
    private final int targetPort;
    private final long delayNanos;

    public LatencyProxy(int targetPort, long delayMs) {
        this.targetPort = targetPort;
        this.delayNanos = delayMs * 1_000_000;
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofPlatform().daemon().start(this::accept);
    }

    public int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                Thread.ofPlatform().daemon().start(() -> copy(client, target, 0));
                Thread.ofPlatform().daemon().start(() -> copy(target, client, delayNanos));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Reads {@code from}, and writes each chunk to {@code to} once {@code delay} has passed since it arrived. */
    private static void copy(Socket from, Socket to, long delay) {
        BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
        Thread writer = Thread.ofPlatform().daemon().start(() -> {
            try (OutputStream out = to.getOutputStream()) {
                for (Chunk c = queue.take(); c.bytes().length > 0; c = queue.take()) {
                    long wait = c.dueNanos() - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    out.write(c.bytes());
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // one side went away
            }
            closeQuietly(to);
        });
        try (InputStream in = from.getInputStream()) {
            byte[] buffer = new byte[16384];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                queue.add(new Chunk(System.nanoTime() + delay, Arrays.copyOf(buffer, n)));
            }
        } catch (IOException e) {
            // one side went away
        }
        queue.add(new Chunk(System.nanoTime() + delay, new byte[0]));
        try {
            writer.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
