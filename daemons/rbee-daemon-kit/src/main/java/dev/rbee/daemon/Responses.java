package dev.rbee.daemon;

import dev.rbee.contract.json.Json;
import io.javalin.http.Context;
import java.util.List;

/** JSON answers written with rbee's one JSON configuration rather than Javalin's mapper. */
public final class Responses {
    private Responses() {
    }

    public static void json(Context ctx, Json json, int status, Object body) {
        ctx.status(status).contentType("application/json").result(json.write(body));
    }

    /**
     * The body as {@code type}. A body over the 1 MiB cap and a JSON {@code null} are 400 INVALID_REQUEST like any
     * other unusable body (api.md §1: no 413), never a plain-text answer or a NullPointerException later.
     */
    public static <T> T body(Context ctx, Json json, Class<T> type) {
        byte[] bytes;
        try {
            bytes = ctx.bodyAsBytes();
        } catch (io.javalin.http.HttpResponseException e) {
            if (e.getStatus() != 413) {
                throw e;
            }
            throw dev.rbee.contract.error.RbeeException.invalid(java.util.List.of(dev.rbee.contract.error.FieldError
                    .of("$", "length(0," + HttpDaemon.MAX_BODY_BYTES + ")", "The body is larger than 1 MiB")), null);
        }
        T value = json.read(bytes, type);
        if (value == null) {
            throw dev.rbee.contract.error.RbeeException.invalid(java.util.List.of(dev.rbee.contract.error.FieldError
                    .of("$", "type(object)", "The body must be a JSON object, not null")), null);
        }
        return value;
    }
}
