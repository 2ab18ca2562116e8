package dev.rbee.queen.metrics;

import dev.rbee.contract.ApiPaths;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;

/** {@code GET /metrics}, and the count of every answered request by route template and status. */
public final class MetricsRoutes {
    /** The route label of a request that matched no route (answered 404 NOT_FOUND). */
    static final String UNMATCHED = "unmatched";

    private final QueenMetrics metrics;

    public MetricsRoutes(QueenMetrics metrics) {
        this.metrics = metrics;
    }

    public void register(RoutesConfig routes) {
        routes.get(ApiPaths.METRICS, ctx -> ctx.status(200).contentType(PrometheusText.CONTENT_TYPE)
                .result(metrics.scrape()));
        routes.after(this::count);
    }

    /** After-handlers run also when auth or the handler failed, with the status the envelope went out with. */
    private void count(Context ctx) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        metrics.request(matched == null ? UNMATCHED : matched.path, ctx.statusCode());
    }
}
