package dev.rbee.contract.client;

import dev.rbee.contract.ApiPaths;
import dev.rbee.contract.hive.DownloadRequest;
import dev.rbee.contract.openai.ChatCompletion;
import dev.rbee.contract.openai.ChatCompletionRequest;
import dev.rbee.contract.openai.Completion;
import dev.rbee.contract.openai.CompletionRequest;
import dev.rbee.contract.openai.ModelList;
import dev.rbee.contract.queen.AddNodeRequest;
import dev.rbee.contract.queen.HiveHeartbeatRequest;
import dev.rbee.contract.queen.HiveHeartbeatResponse;
import dev.rbee.contract.queen.HiveStatus;
import dev.rbee.contract.queen.HiveStopResponse;
import dev.rbee.contract.queen.InstallRequest;
import dev.rbee.contract.queen.Job;
import dev.rbee.contract.queen.JobsResponse;
import dev.rbee.contract.queen.ModelDeleteResponse;
import dev.rbee.contract.queen.Node;
import dev.rbee.contract.queen.NodeModelsResponse;
import dev.rbee.contract.queen.NodesList;
import dev.rbee.contract.queen.QueenHealth;
import dev.rbee.contract.queen.QueenShutdownResponse;
import dev.rbee.contract.queen.RegisterWorkerRequest;
import dev.rbee.contract.queen.RegisterWorkerResponse;
import dev.rbee.contract.queen.RemoveNodeRequest;
import dev.rbee.contract.queen.RemoveNodeResponse;
import dev.rbee.contract.queen.SpawnWorkerRequest;
import dev.rbee.contract.queen.TaskRequest;
import dev.rbee.contract.queen.UpdateNodeRequest;
import dev.rbee.contract.queen.WorkerHeartbeatRequest;
import dev.rbee.contract.queen.WorkerHeartbeatResponse;
import dev.rbee.contract.queen.WorkersHealthResponse;
import dev.rbee.contract.queen.WorkersListResponse;
import dev.rbee.contract.queen.WorkersShutdownRequest;
import dev.rbee.contract.queen.WorkersShutdownResponse;

/** One method per queen-rbee endpoint (api.md §5.1). Streams come back as {@link SseResponse}. */
public final class QueenClient {
    private final HttpJson http;

    public QueenClient(HttpJson http) {
        this.http = http;
    }

    public QueenClient withCorrelationId(String correlationId) {
        return new QueenClient(http.withCorrelationId(correlationId));
    }

    public HttpJson http() {
        return http;
    }

    public QueenHealth health() {
        return http.get(ApiPaths.QUEEN_HEALTH, QueenHealth.class);
    }

    public Node addNode(AddNodeRequest request) {
        return http.post(ApiPaths.NODES_ADD, request, Node.class);
    }

    /** The answer is the node with {@code changed} filled in. */
    public Node updateNode(UpdateNodeRequest request) {
        return http.post(ApiPaths.NODES_UPDATE, request, Node.class);
    }

    public NodesList listNodes() {
        return http.get(ApiPaths.NODES_LIST, NodesList.class);
    }

    public RemoveNodeResponse removeNode(String nodeName) {
        return http.post(ApiPaths.NODES_REMOVE, new RemoveNodeRequest(nodeName), RemoveNodeResponse.class);
    }

    public SseResponse install(String node, InstallRequest request) {
        return http.openSse("POST", ApiPaths.nodeInstall(node), request);
    }

    public HiveStatus hiveStart(String node) {
        return http.post(ApiPaths.hiveStart(node), null, HiveStatus.class);
    }

    public HiveStopResponse hiveStop(String node) {
        return http.post(ApiPaths.hiveStop(node), null, HiveStopResponse.class);
    }

    public HiveStatus hiveStatus(String node) {
        return http.get(ApiPaths.hiveStatus(node), HiveStatus.class);
    }

    public NodeModelsResponse nodeModels(String node) {
        return http.get(ApiPaths.nodeModels(node), NodeModelsResponse.class);
    }

    public SseResponse downloadModel(String node, String modelRef) {
        return http.openSse("POST", ApiPaths.nodeModelsDownload(node), new DownloadRequest(modelRef));
    }

    public ModelDeleteResponse deleteModel(String node, String idOrRef) {
        return http.delete(ApiPaths.nodeModel(node, idOrRef), ModelDeleteResponse.class);
    }

    /** {@code node} null lists the workers of every node. */
    public WorkersListResponse workersList(String node) {
        return http.get(ApiPaths.workersList(node), WorkersListResponse.class);
    }

    public WorkersHealthResponse workersHealth(String node) {
        return http.get(ApiPaths.workersHealth(node), WorkersHealthResponse.class);
    }

    public SseResponse spawnWorker(SpawnWorkerRequest request) {
        return http.openSse("POST", ApiPaths.WORKERS_SPAWN, request);
    }

    public WorkersShutdownResponse shutdownWorkers(WorkersShutdownRequest request) {
        return http.post(ApiPaths.WORKERS_SHUTDOWN, request, WorkersShutdownResponse.class);
    }

    /** Hive → queen; 201 for a new registration, 200 when the same one is repeated (see {@link JsonResponse}). */
    public JsonResponse<RegisterWorkerResponse> registerWorker(RegisterWorkerRequest request) {
        return http.exchange("POST", ApiPaths.WORKERS_REGISTER, request, RegisterWorkerResponse.class);
    }

    public WorkerHeartbeatResponse workerHeartbeat(String workerId, WorkerHeartbeatRequest request) {
        return http.post(ApiPaths.workerHeartbeat(workerId), request, WorkerHeartbeatResponse.class);
    }

    public HiveHeartbeatResponse hiveHeartbeat(HiveHeartbeatRequest request) {
        return http.post(ApiPaths.HIVES_HEARTBEAT, request, HiveHeartbeatResponse.class);
    }

    /** The task stream; {@link SseResponse#jobId()} gives {@code X-Job-Id}. */
    public SseResponse tasks(TaskRequest request) {
        return http.openSse("POST", ApiPaths.TASKS, request);
    }

    public JobsResponse jobs() {
        return http.get(ApiPaths.TASKS, JobsResponse.class);
    }

    public Job job(String jobId) {
        return http.get(ApiPaths.taskById(jobId), Job.class);
    }

    /** Always 204, also for unknown or finished jobs. */
    public void cancelTask(String jobId) {
        http.delete(ApiPaths.taskById(jobId), Void.class);
    }

    /** Follows a job another client submitted: its events so far, then live, up to its {@code end} or {@code error}. */
    public SseResponse followTask(String jobId) {
        return http.openSse("GET", ApiPaths.taskStream(jobId), null);
    }

    public QueenShutdownResponse shutdown() {
        return http.post(ApiPaths.QUEEN_SHUTDOWN, null, QueenShutdownResponse.class);
    }

    public SseResponse logs(String node, String worker, boolean follow, int lines) {
        return http.openSse("GET", ApiPaths.logs(node, worker, follow, lines), null);
    }

    public SseResponse events() {
        return http.openSse("GET", ApiPaths.EVENTS, null);
    }

    public String metrics() {
        return http.getText(ApiPaths.METRICS);
    }

    public ModelList openAiModels() {
        return http.get(ApiPaths.OPENAI_MODELS, ModelList.class);
    }

    public ChatCompletion chatCompletion(ChatCompletionRequest request) {
        return http.post(ApiPaths.OPENAI_CHAT_COMPLETIONS, request, ChatCompletion.class);
    }

    /** For {@code stream:true}: chunk events, then {@code [DONE]}. */
    public SseResponse chatCompletionStream(ChatCompletionRequest request) {
        return http.openSse("POST", ApiPaths.OPENAI_CHAT_COMPLETIONS, request);
    }

    public Completion completion(CompletionRequest request) {
        return http.post(ApiPaths.OPENAI_COMPLETIONS, request, Completion.class);
    }

    public SseResponse completionStream(CompletionRequest request) {
        return http.openSse("POST", ApiPaths.OPENAI_COMPLETIONS, request);
    }
}
