package dev.rbee.contract.client;

import dev.rbee.contract.ApiPaths;
import dev.rbee.contract.worker.AdminShutdownResponse;
import dev.rbee.contract.worker.CancelReason;
import dev.rbee.contract.worker.InferenceRequest;
import dev.rbee.contract.worker.ReadyResponse;
import dev.rbee.contract.worker.WorkerHealth;

/** One method per llm-worker-rbee endpoint (api.md §7.1); used by hive and queen. */
public final class WorkerClient {
    private final HttpJson http;

    public WorkerClient(HttpJson http) {
        this.http = http;
    }

    public WorkerClient withCorrelationId(String correlationId) {
        return new WorkerClient(http.withCorrelationId(correlationId));
    }

    public HttpJson http() {
        return http;
    }

    public WorkerHealth health() {
        return http.get(ApiPaths.WORKER_HEALTH, WorkerHealth.class);
    }

    public ReadyResponse ready() {
        return http.get(ApiPaths.WORKER_READY, ReadyResponse.class);
    }

    public SseResponse loadingProgress() {
        return http.openSse("GET", ApiPaths.WORKER_LOADING_PROGRESS, null);
    }

    public SseResponse inference(InferenceRequest request) {
        return http.openSse("POST", ApiPaths.WORKER_INFERENCE, request);
    }

    /** Always 204 (idempotent). */
    public void cancel(String jobId) {
        cancel(jobId, CancelReason.CANCEL_REQUEST);
    }

    public void cancel(String jobId, CancelReason reason) {
        http.delete(ApiPaths.workerInference(jobId) + "?" + ApiPaths.QUERY_CANCEL_REASON + "=" + reason.wire(),
                Void.class);
    }

    public AdminShutdownResponse adminShutdown() {
        return http.post(ApiPaths.WORKER_ADMIN_SHUTDOWN, null, AdminShutdownResponse.class);
    }
}
