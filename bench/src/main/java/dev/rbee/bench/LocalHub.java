package dev.rbee.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.Executors;

/**
 * One GGUF file in the Hugging Face URL layout that rbee-hive's HubClient reads: the listing
 * {@code /api/models/<org>/<repo>?blobs=true} ({@code siblings[]} with {@code rfilename}, {@code size} and
 * {@code lfs.sha256}) and the file at {@code /<org>/<repo>/resolve/main/<file>}, served straight (the real hub
 * redirects to its CDN; a loopback server has no second host to send it to). Range is ignored: a 200 is a valid
 * answer to it, and every download here starts from zero.
 */
final class LocalHub implements AutoCloseable {
    private final HttpServer server;
    private final Path file;
    private final String repo;
    private final String sha256;

    LocalHub(Path file, String repo) throws IOException {
        this.file = file;
        this.repo = repo;
        this.sha256 = sha256(file);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String fileUrl() {
        return url() + "/" + repo + "/resolve/main/" + file.getFileName();
    }

    String sha256() {
        return sha256;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/api/models/" + repo)) {
                byte[] body = listing().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } else if (path.equals("/" + repo + "/resolve/main/" + file.getFileName())) {
                exchange.sendResponseHeaders(200, Files.size(file));
                try (OutputStream out = exchange.getResponseBody()) {
                    Files.copy(file, out);
                }
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private String listing() throws IOException {
        long size = Files.size(file);
        return "{\"id\":\"" + repo + "\",\"siblings\":[{\"rfilename\":\"README.md\",\"size\":12},"
                + "{\"rfilename\":\"" + file.getFileName() + "\",\"size\":" + size + ",\"lfs\":{\"sha256\":\""
                + sha256 + "\",\"size\":" + size + "}}]}";
    }

    /** SHA-256 of a file in lower-case hex, read in 1 MiB blocks (also timed by the benchmark as a pass of its own). */
    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 20];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
