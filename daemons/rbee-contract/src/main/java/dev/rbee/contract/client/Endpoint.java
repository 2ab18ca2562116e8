package dev.rbee.contract.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to call one daemon. {@code bearerToken} is the API key (keeper → queen) or the cluster secret
 * (daemon → daemon); null sends no {@code Authorization}. {@code requestTimeout} bounds a plain request, and for a
 * stream the wait for its response headers only.
 */
public record Endpoint(URI baseUrl, String bearerToken, Duration connectTimeout, Duration requestTimeout) {

    public Endpoint {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        String text = baseUrl.toString();
        if (text.endsWith("/")) {
            baseUrl = URI.create(text.substring(0, text.length() - 1));
        }
    }

    public static Endpoint of(String baseUrl, String bearerToken, Duration connectTimeout, Duration requestTimeout) {
        return new Endpoint(URI.create(baseUrl), bearerToken, connectTimeout, requestTimeout);
    }

    public Endpoint withRequestTimeout(Duration timeout) {
        return new Endpoint(baseUrl, bearerToken, connectTimeout, timeout);
    }

    public URI resolve(String path) {
        return URI.create(baseUrl + path);
    }

    @Override
    public String toString() {
        // Never print the token.
        return "Endpoint[" + baseUrl + ", token=" + (bearerToken == null ? "none" : "***") + "]";
    }
}
