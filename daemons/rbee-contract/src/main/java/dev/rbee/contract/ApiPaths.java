package dev.rbee.contract;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/**
 * Every route of api.md. Plain constants are paths without parameters; {@code *_TEMPLATE} constants are the
 * Javalin route templates; the static methods build concrete paths with encoded parameters.
 */
public final class ApiPaths {
    public static final String HEADER_JOB_ID = "X-Job-Id";
    public static final String HEADER_CORRELATION_ID = "X-Correlation-Id";

    public static final String PARAM_NAME = "name";
    public static final String PARAM_ID = "id";
    public static final String PARAM_JOB_ID = "job_id";
    /** Query parameter of a worker cancel naming why ({@link dev.rbee.contract.worker.CancelReason}). */
    public static final String QUERY_CANCEL_REASON = "reason";
    public static final String PARAM_ID_OR_REF = "id_or_ref";

    // queen-rbee (api.md §5.1)
    public static final String QUEEN_HEALTH = "/health";
    public static final String NODES_ADD = "/v2/registry/beehives/add";
    public static final String NODES_UPDATE = "/v2/registry/beehives/update";
    public static final String NODES_LIST = "/v2/registry/beehives/list";
    public static final String NODES_REMOVE = "/v2/registry/beehives/remove";
    public static final String NODE_INSTALL_TEMPLATE = "/v2/nodes/{name}/install";
    public static final String NODE_HIVE_START_TEMPLATE = "/v2/nodes/{name}/hive/start";
    public static final String NODE_HIVE_STOP_TEMPLATE = "/v2/nodes/{name}/hive/stop";
    public static final String NODE_HIVE_STATUS_TEMPLATE = "/v2/nodes/{name}/hive/status";
    public static final String NODE_MODELS_TEMPLATE = "/v2/nodes/{name}/models";
    public static final String NODE_MODELS_DOWNLOAD_TEMPLATE = "/v2/nodes/{name}/models/download";
    /** Angle brackets: Javalin lets this parameter span slashes, because a model ref contains them. */
    public static final String NODE_MODEL_TEMPLATE = "/v2/nodes/{name}/models/<id_or_ref>";
    public static final String WORKERS_LIST = "/v2/workers/list";
    public static final String WORKERS_HEALTH = "/v2/workers/health";
    public static final String WORKERS_SPAWN = "/v2/workers/spawn";
    public static final String WORKERS_SHUTDOWN = "/v2/workers/shutdown";
    public static final String WORKERS_REGISTER = "/v2/workers/register";
    public static final String WORKER_HEARTBEAT_TEMPLATE = "/v2/workers/{id}/heartbeat";
    public static final String HIVES_HEARTBEAT = "/v2/hives/heartbeat";
    public static final String TASKS = "/v2/tasks";
    public static final String TASK_TEMPLATE = "/v2/tasks/{job_id}";
    /** Not in api.md (docs/decisions.md): a job's events so far, then live, for a watcher other than its submitter. */
    public static final String TASK_STREAM_TEMPLATE = "/v2/tasks/{job_id}/stream";
    public static final String QUEEN_SHUTDOWN = "/v2/shutdown";
    public static final String LOGS = "/v2/logs";
    public static final String EVENTS = "/v2/events";
    public static final String METRICS = "/metrics";

    // OpenAI-compatible, served by queen (api.md §5.8)
    public static final String OPENAI_MODELS = "/v1/models";
    public static final String OPENAI_CHAT_COMPLETIONS = "/v1/chat/completions";
    public static final String OPENAI_COMPLETIONS = "/v1/completions";

    // rbee-hive (api.md §6.1)
    public static final String HIVE_HEALTH = "/v1/health";
    public static final String HIVE_BACKENDS_LIST = "/v1/backends/list";
    public static final String HIVE_RESOURCES = "/v1/resources";
    public static final String HIVE_WORKERS_SPAWN = "/v1/workers/spawn";
    public static final String HIVE_WORKERS_READY = "/v1/workers/ready";
    public static final String HIVE_WORKERS_LIST = "/v1/workers/list";
    public static final String HIVE_WORKER_SHUTDOWN_TEMPLATE = "/v1/workers/{id}/shutdown";
    public static final String HIVE_MODELS = "/v1/models";
    public static final String HIVE_MODELS_DOWNLOAD = "/v1/models/download";
    public static final String HIVE_DOWNLOAD_PROGRESS = "/v1/models/download/progress";
    public static final String HIVE_MODEL_TEMPLATE = "/v1/models/{id}";
    public static final String HIVE_LOGS = "/v1/logs";
    public static final String HIVE_ADMIN_SHUTDOWN = "/v1/admin/shutdown";

    // llm-worker-rbee (api.md §7.1)
    public static final String WORKER_HEALTH = "/health";
    public static final String WORKER_READY = "/v1/ready";
    public static final String WORKER_LOADING_PROGRESS = "/v1/loading/progress";
    public static final String WORKER_INFERENCE = "/v1/inference";
    public static final String WORKER_INFERENCE_JOB_TEMPLATE = "/v1/inference/{job_id}";
    public static final String WORKER_ADMIN_SHUTDOWN = "/v1/admin/shutdown";

    private ApiPaths() {
    }

    public static String nodeInstall(String name) {
        return "/v2/nodes/" + segment(name) + "/install";
    }

    public static String hiveStart(String name) {
        return "/v2/nodes/" + segment(name) + "/hive/start";
    }

    public static String hiveStop(String name) {
        return "/v2/nodes/" + segment(name) + "/hive/stop";
    }

    public static String hiveStatus(String name) {
        return "/v2/nodes/" + segment(name) + "/hive/status";
    }

    public static String nodeModels(String name) {
        return "/v2/nodes/" + segment(name) + "/models";
    }

    public static String nodeModelsDownload(String name) {
        return "/v2/nodes/" + segment(name) + "/models/download";
    }

    /** {@code id-or-ref} keeps its {@code /} and {@code :} so a model ref can be given as is. */
    public static String nodeModel(String name, String idOrRef) {
        return "/v2/nodes/" + segment(name) + "/models/" + encode(idOrRef, "/:");
    }

    public static String workersList(String node) {
        return node == null ? WORKERS_LIST : WORKERS_LIST + "?node=" + query(node);
    }

    public static String workersHealth(String node) {
        return WORKERS_HEALTH + "?node=" + query(node);
    }

    public static String workerHeartbeat(String workerId) {
        return "/v2/workers/" + segment(workerId) + "/heartbeat";
    }

    public static String taskById(String jobId) {
        return TASKS + "/" + segment(jobId);
    }

    public static String taskStream(String jobId) {
        return taskById(jobId) + "/stream";
    }

    /** {@code GET /v2/logs}: node null = queen's own log; worker requires node. */
    public static String logs(String node, String worker, boolean follow, int lines) {
        return LOGS + logQuery(node, worker, follow, lines);
    }

    public static String hiveWorkerShutdown(String workerId) {
        return "/v1/workers/" + segment(workerId) + "/shutdown";
    }

    public static String hiveDownloadProgress(String downloadId) {
        return HIVE_DOWNLOAD_PROGRESS + "?id=" + query(downloadId);
    }

    public static String hiveModel(String modelId) {
        return HIVE_MODELS + "/" + segment(modelId);
    }

    /** {@code GET /v1/logs}: worker null = the hive's own log. */
    public static String hiveLogs(String worker, boolean follow, int lines) {
        return HIVE_LOGS + logQuery(null, worker, follow, lines);
    }

    public static String workerInference(String jobId) {
        return WORKER_INFERENCE + "/" + segment(jobId);
    }

    private static String logQuery(String node, String worker, boolean follow, int lines) {
        StringJoiner query = new StringJoiner("&", "?", "");
        if (node != null) {
            query.add("node=" + query(node));
        }
        if (worker != null) {
            query.add("worker=" + query(worker));
        }
        query.add("follow=" + follow);
        query.add("lines=" + lines);
        return query.toString();
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String segment(String value) {
        return encode(value, "");
    }

    /** RFC 3986 percent-encoding of a path segment: unreserved characters and {@code keep} stay literal. */
    private static String encode(String value, String keep) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (isUnreserved(c) || keep.indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
