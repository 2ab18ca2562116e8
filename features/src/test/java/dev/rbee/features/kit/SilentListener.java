package dev.rbee.features.kit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Accepts TCP connections on a loopback port and never sends a byte, like an SSH host that hangs (S002). */
public final class SilentListener implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    public SilentListener() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofPlatform().daemon().name("silent-listener").start(this::acceptForever);
    }

    private void acceptForever() {
        while (!server.isClosed()) {
            try {
                accepted.add(server.accept());
            } catch (IOException e) {
                return;
            }
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** How many connections were accepted so far (one per SSH attempt). */
    public int connections() {
        return accepted.size();
    }

    @Override
    public void close() {
        try {
            server.close();
            for (Socket s : accepted) {
                s.close();
            }
        } catch (IOException e) {
            // closing anyway
        }
    }
}
