package dev.rbee.daemon;

import dev.rbee.contract.json.Json;
import io.javalin.http.Context;

/** JSON answers written with rbee's one JSON configuration rather than Javalin's mapper. */
public final class Responses {
    private Responses() {
    }

    public static void json(Context ctx, Json json, int status, Object body) {
        ctx.status(status).contentType("application/json").result(json.write(body));
    }

    public static <T> T body(Context ctx, Json json, Class<T> type) {
        return json.read(ctx.bodyAsBytes(), type);
    }
}
