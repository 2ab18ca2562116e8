package dev.rbee.keeper;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The queen-rbee location keeper talks to (cli.md §3). {@code text} is the URL as the user gave it (printed in
 * messages), without a trailing slash; {@link #normalized()} is the form used to compare two URLs.
 */
public record QueenUrl(String text, URI uri) {
    public static final String DEFAULT = "http://127.0.0.1:8080";
    public static final String ENV = "RBEE_QUEEN_URL";

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /** Precedence: flag, then env {@code RBEE_QUEEN_URL}, then {@code config.toml} (may be null), then the default. */
    public static QueenUrl resolve(String flag, Map<String, String> env, String configValue) {
        if (flag != null) {
            return parse(flag);
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return parse(fromEnv.trim());
        }
        return parse(configValue != null ? configValue : DEFAULT);
    }

    /** Validates the URL: {@code http://} or {@code https://} with a host (and a valid port); else USAGE_ERROR. */
    public static QueenUrl parse(String text) {
        String trimmed = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        URI uri = toUri(trimmed, text);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean web = scheme.equals("http") || scheme.equals("https");
        if (!web || uri.getHost() == null || uri.getPort() > 65_535 || uri.getRawQuery() != null) {
            throw invalid(text);
        }
        return new QueenUrl(trimmed, uri);
    }

    private static URI toUri(String trimmed, String original) {
        try {
            return new URI(trimmed);
        } catch (URISyntaxException e) {
            throw invalid(original);
        }
    }

    private static RuntimeException invalid(String text) {
        return KeeperErrors.usage("Invalid queen URL '" + text + "': expected http://<host>:<port>");
    }

    /** Host without IPv6 brackets. */
    public String host() {
        String host = uri.getHost();
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    public int port() {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** {@code localhost}, {@code 127.0.0.0/8} or {@code ::1}; decided without a DNS lookup. */
    public boolean isLoopback() {
        String host = host();
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!IPV4.matcher(host).matches() && !host.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** {@code scheme://host:port/path} in lower case with an explicit port, to compare two spellings. */
    public String normalized() {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":"
                + port() + path;
    }

    @Override
    public String toString() {
        return text;
    }
}
