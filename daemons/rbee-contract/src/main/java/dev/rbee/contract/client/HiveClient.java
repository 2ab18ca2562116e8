package dev.rbee.contract.client;

import dev.rbee.contract.ApiPaths;
import dev.rbee.contract.hive.BackendsList;
import dev.rbee.contract.hive.DeleteModelResponse;
import dev.rbee.contract.hive.DownloadRequest;
import dev.rbee.contract.hive.DownloadResponse;
import dev.rbee.contract.hive.HWorkersList;
import dev.rbee.contract.hive.HiveHealth;
import dev.rbee.contract.hive.HiveShutdownResponse;
import dev.rbee.contract.hive.HiveSpawnRequest;
import dev.rbee.contract.hive.HiveSpawnResponse;
import dev.rbee.contract.hive.MessageResponse;
import dev.rbee.contract.hive.ModelsList;
import dev.rbee.contract.hive.Resources;
import dev.rbee.contract.hive.WorkerReadyCallback;
import dev.rbee.contract.hive.WorkerShutdownResponse;

/** One method per rbee-hive endpoint (api.md §6.1); used by queen and (for {@code ready}) by workers. */
public final class HiveClient {
    private final HttpJson http;

    public HiveClient(HttpJson http) {
        this.http = http;
    }

    public HiveClient withCorrelationId(String correlationId) {
        return new HiveClient(http.withCorrelationId(correlationId));
    }

    public HttpJson http() {
        return http;
    }

    public HiveHealth health() {
        return http.get(ApiPaths.HIVE_HEALTH, HiveHealth.class);
    }

    public BackendsList backends() {
        return http.get(ApiPaths.HIVE_BACKENDS_LIST, BackendsList.class);
    }

    public Resources resources() {
        return http.get(ApiPaths.HIVE_RESOURCES, Resources.class);
    }

    public HiveSpawnResponse spawnWorker(HiveSpawnRequest request) {
        return http.post(ApiPaths.HIVE_WORKERS_SPAWN, request, HiveSpawnResponse.class);
    }

    /** Worker → hive once the model is loaded. */
    public MessageResponse workerReady(WorkerReadyCallback callback) {
        return http.post(ApiPaths.HIVE_WORKERS_READY, callback, MessageResponse.class);
    }

    public HWorkersList workersList() {
        return http.get(ApiPaths.HIVE_WORKERS_LIST, HWorkersList.class);
    }

    public WorkerShutdownResponse shutdownWorker(String workerId) {
        return http.post(ApiPaths.hiveWorkerShutdown(workerId), null, WorkerShutdownResponse.class);
    }

    public ModelsList models() {
        return http.get(ApiPaths.HIVE_MODELS, ModelsList.class);
    }

    /** 200 with {@code local_path} when already present, 202 with {@code local_path:null} when started. */
    public DownloadResponse modelsDownload(String modelRef) {
        return http.post(ApiPaths.HIVE_MODELS_DOWNLOAD, new DownloadRequest(modelRef), DownloadResponse.class);
    }

    public SseResponse downloadProgress(String downloadId) {
        return http.openSse("GET", ApiPaths.hiveDownloadProgress(downloadId), null);
    }

    public DeleteModelResponse deleteModel(String modelId) {
        return http.delete(ApiPaths.hiveModel(modelId), DeleteModelResponse.class);
    }

    /** {@code worker} null streams the hive's own log. */
    public SseResponse logs(String worker, boolean follow, int lines) {
        return http.openSse("GET", ApiPaths.hiveLogs(worker, follow, lines), null);
    }

    public HiveShutdownResponse adminShutdown() {
        return http.post(ApiPaths.HIVE_ADMIN_SHUTDOWN, null, HiveShutdownResponse.class);
    }
}
