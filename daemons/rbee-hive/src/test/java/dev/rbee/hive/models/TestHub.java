package dev.rbee.hive.models;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small hub on a real loopback port for the downloader's unit tests: the listing and resolve paths of Hugging
 * Face, Range requests, and per-file faults for the first n requests (cut, stall, corrupt). Records every request.
 */
final class TestHub implements AutoCloseable {
    record Request(String path, String range, String authorization) {
    }

    static final class Fault {
        int times;
        long cutAt = -1;
        long stallAt = -1;
        boolean corrupt;
    }

    private final HttpServer server;
    private final Map<String, Map<String, byte[]>> repos = new ConcurrentHashMap<>();
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> served = new ConcurrentHashMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();
    volatile String requiredToken;

    TestHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void put(String repo, String file, byte[] bytes) {
        repos.computeIfAbsent(repo, r -> new ConcurrentHashMap<>()).put(file, bytes);
    }

    Fault fault(String file) {
        return faults.computeIfAbsent(file, f -> new Fault());
    }

    List<Request> fileRequests() {
        return requests.stream().filter(r -> r.path().contains("/resolve/main/")).toList();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        requests.add(new Request(path, ex.getRequestHeaders().getFirst("Range"), auth));
        try (ex) {
            if (requiredToken != null && !("Bearer " + requiredToken).equals(auth)) {
                ex.sendResponseHeaders(403, -1);
                return;
            }
            if (path.startsWith("/api/models/")) {
                listing(ex, path.substring("/api/models/".length()));
                return;
            }
            int resolve = path.indexOf("/resolve/main/");
            Map<String, byte[]> repo = resolve < 0 ? null : repos.get(path.substring(1, resolve));
            byte[] bytes = repo == null ? null : repo.get(path.substring(resolve + "/resolve/main/".length()));
            if (bytes == null) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            serve(ex, path.substring(resolve + "/resolve/main/".length()), bytes);
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private void listing(HttpExchange ex, String repoName) throws Exception {
        Map<String, byte[]> repo = repos.get(repoName);
        if (repo == null) {
            ex.sendResponseHeaders(404, -1);
            return;
        }
        StringBuilder json = new StringBuilder("{\"id\":\"" + repoName + "\",\"siblings\":[");
        String sep = "";
        for (var e : repo.entrySet()) {
            json.append(sep).append("{\"rfilename\":\"").append(e.getKey()).append("\",\"size\":")
                    .append(e.getValue().length).append(",\"lfs\":{\"sha256\":\"").append(sha256(e.getValue()))
                    .append("\",\"size\":").append(e.getValue().length).append("}}");
            sep = ",";
        }
        byte[] body = json.append("]}").toString().getBytes();
        ex.sendResponseHeaders(200, body.length);
        ex.getResponseBody().write(body);
    }

    private void serve(HttpExchange ex, String file, byte[] bytes) throws Exception {
        Fault fault = faults.get(file);
        int n = served.computeIfAbsent(file, f -> new AtomicInteger()).incrementAndGet();
        boolean faulty = fault != null && n <= fault.times;
        String range = ex.getRequestHeaders().getFirst("Range");
        long from = range == null ? 0 : Long.parseLong(range.substring("bytes=".length(), range.length() - 1));
        byte[] body = bytes.clone();
        if (faulty && fault.corrupt) {
            body[body.length / 2] ^= 0x5a;
        }
        if (from > 0) {
            ex.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + (bytes.length - 1) + "/"
                    + bytes.length);
        }
        ex.sendResponseHeaders(from > 0 ? 206 : 200, bytes.length - from);
        OutputStream out = ex.getResponseBody();
        long stop = faulty && fault.cutAt >= 0 ? fault.cutAt : faulty && fault.stallAt >= 0 ? fault.stallAt
                : bytes.length;
        for (long i = from; i < Math.max(from, stop); i += 65536) {
            out.write(body, (int) i, (int) Math.min(65536, stop - i));
            out.flush();
        }
        if (faulty && fault.stallAt >= 0) {
            Thread.sleep(3_000); // longer than the tests' stall limit
        }
        if (stop == bytes.length) {
            out.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
