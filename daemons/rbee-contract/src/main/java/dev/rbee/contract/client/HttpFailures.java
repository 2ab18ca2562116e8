package dev.rbee.contract.client;

import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.ErrorEnvelope;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.json.JsonDecodeException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Maps transport failures and non-2xx answers to rbee's exceptions, in one place for every client. */
final class HttpFailures {
    private static final int MAX_BODY_IN_MESSAGE = 200;

    private HttpFailures() {
    }

    /** An IOException from {@code HttpClient.send}: no response was received. */
    static RuntimeException transport(IOException e, URI target, Duration requestTimeout) {
        if (e instanceof HttpConnectTimeoutException) {
            return new UnreachableException(UnreachableException.Kind.CONNECT_TIMEOUT, target, e);
        }
        if (e instanceof HttpTimeoutException) {
            return requestTimeout(e, target, requestTimeout);
        }
        if (hasCause(e, UnknownHostException.class) || hasCause(e, UnresolvedAddressException.class)) {
            return new UnreachableException(UnreachableException.Kind.UNKNOWN_HOST, target, e);
        }
        if (hasCause(e, ConnectException.class)) {
            return new UnreachableException(UnreachableException.Kind.REFUSED, target, e);
        }
        return new UnreachableException(UnreachableException.Kind.RESET, target, e);
    }

    /** The target accepted the request but did not answer in time; it may have acted, so this is not retried. */
    private static RbeeException requestTimeout(IOException e, URI target, Duration requestTimeout) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("url", target.toString());
        details.put("deadline_ms", requestTimeout.toMillis());
        return RbeeException.of(ErrorCode.REQUEST_TIMEOUT,
                "No answer from " + target + " within " + requestTimeout.toMillis() + " ms", details, e);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** A non-2xx answer: the daemon's envelope, unchanged, or INVALID_RESPONSE when there is none. */
    static RbeeException errorResponse(Json json, int status, byte[] body, URI target) {
        try {
            ErrorEnvelope envelope = json.decode(body, ErrorEnvelope.class);
            if (envelope.error() == null || envelope.error().code() == null) {
                return offContract(status, body, target, "no error envelope");
            }
            return RbeeException.fromEnvelope(status, envelope);
        } catch (JsonDecodeException e) {
            return offContract(status, body, target, e.describe());
        }
    }

    private static RbeeException offContract(int status, byte[] body, URI target, String problem) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", target.toString());
        details.put("status", status);
        details.put("parse_error", problem);
        details.put("body", excerpt(body));
        return RbeeException.of(ErrorCode.INVALID_RESPONSE,
                "Invalid response from " + target + ": HTTP " + status + " without an error envelope (" + problem + ")",
                details);
    }

    static String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() <= MAX_BODY_IN_MESSAGE ? text : text.substring(0, MAX_BODY_IN_MESSAGE) + "…";
    }
}
