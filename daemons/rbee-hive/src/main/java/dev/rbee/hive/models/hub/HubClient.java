package dev.rbee.hive.models.hub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rbee.contract.ModelRef;
import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Hugging Face hub as rbee uses it: the repo listing {@code /api/models/<org>/<repo>?blobs=true} (each
 * {@code siblings[]} entry has {@code rfilename}, {@code size} and, for LFS files, {@code lfs.sha256}) and the file
 * at {@code /<org>/<repo>/resolve/main/<file>}. {@code HF_TOKEN} goes out as a bearer token, and only to the hub's
 * own host: a redirect to another host (the hub's CDN) is followed without it.
 */
public final class HubClient {
    public static final String DEFAULT_ENDPOINT = "https://huggingface.co";
    private static final Duration LISTING_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_REDIRECTS = 5;

    private final URI endpoint;
    private final String token;
    private final Json json;

    public HubClient(String endpoint, String token, Json json) {
        String base = endpoint == null || endpoint.isBlank() ? DEFAULT_ENDPOINT : endpoint.trim();
        this.endpoint = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.token = token == null || token.isBlank() ? null : token.trim();
        this.json = json;
    }

    public static HubClient fromEnvironment(Map<String, String> env, Json json) {
        return new HubClient(env.get("RBEE_HF_ENDPOINT"), env.get("HF_TOKEN"), json);
    }

    public String endpoint() {
        return endpoint.toString();
    }

    /** The files of the repo, or the envelope the synchronous part of a download answers with. */
    public List<HubFile> listing(ModelRef ref) {
        URI uri = URI.create(endpoint + "/api/models/" + path(ref.org()) + "/" + path(ref.repo()) + "?blobs=true");
        HttpURLConnection conn = null;
        try {
            conn = open(uri, null, LISTING_TIMEOUT);
            int status = conn.getResponseCode();
            if (status == 404) {
                throw HubErrors.notOnHub(ref.raw(), ref.org(), ref.repo());
            }
            if (status == 401 || status == 403) {
                throw HubErrors.accessDenied(ref.raw());
            }
            if (status != 200) {
                throw HubErrors.hubFailed(ref.raw(), "http_" + status, "HTTP " + status + " from " + uri);
            }
            try (InputStream in = conn.getInputStream()) {
                return files(json.mapper().readTree(in));
            }
        } catch (SocketTimeoutException e) {
            throw RbeeException.of(ErrorCode.REQUEST_TIMEOUT, "The hub did not answer the listing of " + ref.raw()
                    + " within " + LISTING_TIMEOUT.toSeconds() + " s", Map.of("deadline_ms",
                    LISTING_TIMEOUT.toMillis()));
        } catch (IOException e) {
            throw HubErrors.hubFailed(ref.raw(), "network", e.getMessage() == null ? e.toString() : e.getMessage());
        } finally {
            if (conn != null) {
                conn.disconnect();
            }
        }
    }

    /** Opens {@code resolve/main/<file>}, from {@code offset} when above 0; the read timeout is the stall limit. */
    public HttpURLConnection openFile(ModelRef ref, String file, long offset, Duration stallTimeout) throws IOException {
        StringBuilder filePath = new StringBuilder();
        for (String part : file.split("/")) {
            filePath.append('/').append(path(part));
        }
        URI uri = URI.create(endpoint + "/" + path(ref.org()) + "/" + path(ref.repo()) + "/resolve/main" + filePath);
        return open(uri, offset > 0 ? "bytes=" + offset + "-" : null, stallTimeout);
    }

    private HttpURLConnection open(URI uri, String range, Duration readTimeout) throws IOException {
        URI current = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpURLConnection conn = (HttpURLConnection) current.toURL().openConnection();
            conn.setInstanceFollowRedirects(false);
            conn.setConnectTimeout((int) LISTING_TIMEOUT.toMillis());
            conn.setReadTimeout((int) Math.max(1, readTimeout.toMillis()));
            conn.setRequestProperty("User-Agent", "rbee-hive");
            if (range != null) {
                conn.setRequestProperty("Range", range);
            }
            if (token != null && current.getHost().equalsIgnoreCase(endpoint.getHost())) {
                conn.setRequestProperty("Authorization", "Bearer " + token);
            }
            int status = conn.getResponseCode();
            String location = conn.getHeaderField("Location");
            if (status < 300 || status >= 400 || location == null) {
                return conn;
            }
            conn.disconnect();
            current = current.resolve(location);
        }
        throw new IOException("Too many redirects from " + uri);
    }

    private static List<HubFile> files(JsonNode listing) {
        List<HubFile> files = new ArrayList<>();
        for (JsonNode sibling : listing.path("siblings")) {
            String name = sibling.path("rfilename").asText(null);
            if (name == null) {
                continue;
            }
            JsonNode lfs = sibling.path("lfs");
            long size = sibling.path("size").asLong(lfs.path("size").asLong(-1));
            String sha = lfs.path("sha256").asText(null);
            files.add(new HubFile(name, size, sha));
        }
        return files;
    }

    private static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
