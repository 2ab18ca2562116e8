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

    /** The body as {@code type}; a JSON {@code null} body is a 400 like any other body that is not an object. */
    public static <T> T body(Context ctx, Json json, Class<T> type) {
        T value = json.read(ctx.bodyAsBytes(), type);
        if (value == null) {
            throw dev.rbee.contract.error.RbeeException.invalid(List.of(dev.rbee.contract.error.FieldError.of("$",
                    "type(object)", "the body must be a JSON object, not null")), null);
        }
        return value;
    }
}
