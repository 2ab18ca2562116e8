package dev.rbee.features.kit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The test kit's stand-in for the Hugging Face hub (scenarios.md "Hub server"): a plain HTTP/1.1 server on a real
 * loopback port, written on sockets so that it can cut a connection with a TCP reset, stall mid-body, or pace its
 * bytes. It serves {@code /api/models/<org>/<repo>} (siblings with size and lfs.sha256, as {@code ?blobs=true} does
 * on the real hub) and {@code /<org>/<repo>/resolve/main/<file>} with Range. Every request is recorded.
 */
public final class HubServer implements AutoCloseable {
    public record Request(String method, String path, Map<String, String> headers) {
        public String range() {
            return headers.get("range");
        }

        public String authorization() {
            return headers.get("authorization");
        }

        public boolean isFile() {
            return path.contains("/resolve/main/");
        }
    }

    private final ServerSocket socket;
    private final Map<String, Map<String, HubFileSpec>> repos = new ConcurrentHashMap<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    public HubServer() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().name("hub-accept").start(this::acceptLoop);
    }

    public String url() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    /** Adds (or replaces) a file in a repo; the returned spec takes the file's faults. */
    public HubFileSpec put(String repo, String file, byte[] bytes) {
        HubFileSpec spec = new HubFileSpec(file, bytes);
        repos.computeIfAbsent(repo, r -> new ConcurrentHashMap<>()).put(file, spec);
        return spec;
    }

    public HubFileSpec file(String repo, String file) {
        return repos.get(repo).get(file);
    }

    /** Every request to {@code repo} needs {@code Authorization: Bearer <token>}, else 403. */
    public void requireToken(String repo, String token) {
        tokens.put(repo, token);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public void clearRequests() {
        requests.clear();
    }

    public List<Request> fileRequests() {
        return requests.stream().filter(Request::isFile).toList();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread.ofVirtual().name("hub-conn").start(() -> handle(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            String requestLine = line(in);
            if (requestLine == null || requestLine.isBlank()) {
                return;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
                int colon = h.indexOf(':');
                headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
            }
            String[] parts = requestLine.split(" ");
            String rawPath = parts[1].contains("?") ? parts[1].substring(0, parts[1].indexOf('?')) : parts[1];
            String path = URLDecoder.decode(rawPath, StandardCharsets.UTF_8);
            Request request = new Request(parts[0], path, headers);
            requests.add(request);
            respond(client, client.getOutputStream(), request);
        } catch (IOException | InterruptedException e) {
            // the client went away or the connection was cut on purpose
        }
    }

    private void respond(Socket client, OutputStream out, Request request) throws IOException, InterruptedException {
        boolean listing = request.path().startsWith("/api/models/");
        String rest = listing ? request.path().substring("/api/models/".length()) : request.path().substring(1);
        int resolve = rest.indexOf("/resolve/main/");
        String repo = listing ? rest : resolve < 0 ? rest : rest.substring(0, resolve);
        String token = tokens.get(repo);
        if (token != null && !("Bearer " + token).equals(request.authorization())) {
            empty(out, 403, "Forbidden");
            return;
        }
        Map<String, HubFileSpec> files = repos.get(repo);
        if (files == null) {
            empty(out, 404, "Not Found");
            return;
        }
        if (listing) {
            json(out, listingJson(repo, files));
            return;
        }
        HubFileSpec file = resolve < 0 ? null : files.get(rest.substring(resolve + "/resolve/main/".length()));
        if (file == null || file.notFound) {
            empty(out, 404, "Not Found");
            return;
        }
        serveFile(client, out, file, request.range());
    }

    private void serveFile(Socket client, OutputStream out, HubFileSpec file, String range)
            throws IOException, InterruptedException {
        HubFileSpec.Attempt attempt = file.nextAttempt();
        long from = range == null ? 0 : Long.parseLong(range.substring("bytes=".length(), range.indexOf('-')));
        byte[] bytes = attempt.corrupt() ? file.corrupted() : file.bytes;
        long length = bytes.length - from;
        String head = from > 0
                ? "HTTP/1.1 206 Partial Content\r\nContent-Range: bytes " + from + "-" + (bytes.length - 1) + "/"
                + bytes.length + "\r\n"
                : "HTTP/1.1 200 OK\r\n";
        out.write((head + "Content-Type: application/octet-stream\r\nContent-Length: " + length
                + "\r\nAccept-Ranges: bytes\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        long stop = attempt.cutAt() >= 0 ? attempt.cutAt() : attempt.stallAt() >= 0 ? attempt.stallAt() : bytes.length;
        Pacer pacer = new Pacer(file.bytesPerSecond);
        for (long at = from; at < stop; ) {
            int n = (int) Math.min(64 * 1024, stop - at);
            out.write(bytes, (int) at, n);
            out.flush();
            at += n;
            pacer.sent(n);
        }
        if (attempt.cutAt() >= 0) {
            // A reset drops data still in flight, so let the client read what was sent first; then close with RST
            // (linger 0), which the client sees as "Connection reset".
            Thread.sleep(300);
            client.setSoLinger(true, 0);
            return;
        }
        if (attempt.stallAt() >= 0) {
            closed.await(10, TimeUnit.MINUTES); // hold the connection open and silent
        }
    }

    private static String listingJson(String repo, Map<String, HubFileSpec> files) {
        List<String> siblings = new ArrayList<>();
        files.values().stream().sorted((a, b) -> a.name.compareTo(b.name)).forEach(f -> siblings.add(
                "{\"rfilename\":\"" + f.name + "\",\"size\":" + f.bytes.length + ",\"blobId\":\"" + f.sha256()
                        .substring(0, 40) + "\",\"lfs\":{\"sha256\":\"" + f.sha256() + "\",\"size\":" + f.bytes.length
                        + ",\"pointerSize\":134}}"));
        return "{\"_id\":\"" + repo + "\",\"id\":\"" + repo + "\",\"modelId\":\"" + repo + "\",\"siblings\":["
                + String.join(",", siblings) + "]}";
    }

    private static void json(OutputStream out, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }

    private static void empty(OutputStream out, int status, String reason) throws IOException {
        String body = "{\"error\":\"" + reason + "\"}";
        out.write(("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length() + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                buf.write(c);
            }
        }
        return c < 0 && buf.size() == 0 ? null : buf.toString(StandardCharsets.ISO_8859_1);
    }

    /** Sleeps so that no more than {@code bytesPerSecond} leave on average; 0 = as fast as the socket goes. */
    private static final class Pacer {
        private final long bytesPerSecond;
        private final long start = System.nanoTime();
        private long sent;

        Pacer(long bytesPerSecond) {
            this.bytesPerSecond = bytesPerSecond;
        }

        void sent(int n) throws InterruptedException {
            sent += n;
            if (bytesPerSecond > 0) {
                long due = start + sent * 1_000_000_000L / bytesPerSecond;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
        }
    }

    @Override
    public void close() {
        closed.countDown();
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
