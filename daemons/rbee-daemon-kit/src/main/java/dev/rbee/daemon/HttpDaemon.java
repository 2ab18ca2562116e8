package dev.rbee.daemon;

import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.json.Json;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server of an rbee daemon: Javalin on virtual threads, every failure mapped to the error envelope in this one
 * place (api.md §3), unknown routes and wrong methods answered 404 NOT_FOUND, bodies capped at 1 MiB, and the bearer
 * token checked on every route but the public ones.
 */
public final class HttpDaemon {
    private static final Logger LOG = LoggerFactory.getLogger(HttpDaemon.class);
    static final long MAX_BODY_BYTES = 1024 * 1024;

    private final Javalin app;

    private HttpDaemon(Javalin app) {
        this.app = app;
    }

    /**
     * Binds {@code host:port} (port 0 picks a free one) and starts serving; throws {@link PortInUseException} when the
     * port is taken, so a caller can exit with the code its parent expects.
     */
    public static HttpDaemon start(DaemonIdentity identity, String host, int port, BearerAuth auth,
                                   Consumer<RoutesConfig> routes) {
        Json json = identity.json();
        Javalin app = Javalin.create(config -> {
            config.jetty.host = host;
            config.jetty.port = port;
            config.concurrency.useVirtualThreads = true;
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.http.prefer405over404 = false;
            config.http.compressionStrategy = CompressionStrategy.NONE;
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.routes.before(auth::check);
            config.routes.exception(RbeeException.class, (e, ctx) -> answer(ctx, json, identity, e));
            config.routes.exception(Exception.class, (e, ctx) -> answer(ctx, json, identity, unexpected(e)));
            config.routes.error(404, "*", ctx -> notFoundUnlessAnswered(ctx, json, identity));
            routes.accept(config.routes);
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            if (PortInUseException.causedByBindFailure(e)) {
                throw new PortInUseException(host, port, e);
            }
            throw e;
        }
        LOG.info("{} {} listening on http://{}:{}", identity.component(), identity.version(), host, app.port());
        return new HttpDaemon(app);
    }

    public int port() {
        return app.port();
    }

    public void stop() {
        app.stop();
    }

    private static RbeeException unexpected(Exception e) {
        LOG.error("Unexpected failure", e);
        return RbeeException.of(ErrorCode.INTERNAL_ERROR, "Unexpected failure: " + e);
    }

    private static void answer(Context ctx, Json json, DaemonIdentity identity, RbeeException e) {
        RbeeException withComponent = e.withComponentIfAbsent(identity.component());
        if (e.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer");
        }
        Responses.json(ctx, json, e.status(), withComponent.toEnvelope());
    }

    /** Javalin calls this for every 404, including the ones a handler answered with its own envelope. */
    private static void notFoundUnlessAnswered(Context ctx, Json json, DaemonIdentity identity) {
        if (ctx.res().getContentType() != null && ctx.res().getContentType().startsWith("application/json")) {
            return;
        }
        RbeeException e = RbeeException.of(ErrorCode.NOT_FOUND, "No route for " + ctx.method() + " " + ctx.path(),
                Map.of("path", ctx.path(), "method", ctx.method().name()));
        answer(ctx, json, identity, e);
    }
}
