package dev.rbee.hive.workers;

import dev.rbee.contract.Times;
import dev.rbee.contract.WorkerState;
import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.ErrorSummary;
import dev.rbee.contract.hive.HWorker;
import dev.rbee.contract.queen.HeartbeatWorker;

/** One worker this hive launched: its process and the state the hive last saw. Mutated only under its own lock. */
public final class WorkerEntry {
    private final String workerId;
    private final String url;
    private final String modelRef;
    private final String backend;
    private final int device;
    private final int slotsTotal;
    private final int port;
    private final Process process;
    private final String startedAt = Times.now();
    private String state = WorkerState.LOADING;
    private int slotsBusy;
    private String lastActivityAt = startedAt;
    private ErrorSummary error;
    private int layersLoaded;
    private int layersTotal;

    public WorkerEntry(String workerId, String url, String modelRef, String backend, int device, int slotsTotal,
                       int port, Process process) {
        this.workerId = workerId;
        this.url = url;
        this.modelRef = modelRef;
        this.backend = backend;
        this.device = device;
        this.slotsTotal = slotsTotal;
        this.port = port;
        this.process = process;
    }

    public String workerId() {
        return workerId;
    }

    public String url() {
        return url;
    }

    public String modelRef() {
        return modelRef;
    }

    public String backend() {
        return backend;
    }

    public int device() {
        return device;
    }

    public Process process() {
        return process;
    }

    /** A failed worker keeps state {@code error}: nothing it says afterwards makes it usable again. */
    public synchronized void state(String newState) {
        if (error != null) {
            return;
        }
        state = newState;
        lastActivityAt = Times.now();
    }

    public synchronized String state() {
        return state;
    }

    /** The process ended without being asked to: the entry shows why until the registry drops it. */
    public synchronized void failed(String message) {
        failed(new ErrorSummary(ErrorCode.WORKER_FAILED.name(), message));
    }

    /** The hive gave up on the worker (e.g. loading took too long); a later exit keeps this reason. */
    public synchronized void failed(ErrorSummary reason) {
        if (error == null) {
            state = WorkerState.ERROR;
            error = reason;
        }
    }

    public synchronized boolean hasFailed() {
        return error != null;
    }

    public synchronized void loadingProgress(int loaded, int total) {
        layersLoaded = loaded;
        layersTotal = total;
    }

    /** How far loading got, e.g. {@code 28/32}; {@code 0/0} before the first progress event. */
    public synchronized String layersText() {
        return layersLoaded + "/" + layersTotal;
    }

    public synchronized int layersLoaded() {
        return layersLoaded;
    }

    public synchronized int layersTotal() {
        return layersTotal;
    }

    public String startedAt() {
        return startedAt;
    }

    public synchronized HWorker toHWorker() {
        return new HWorker(workerId, url, modelRef, modelRef, backend, device, state, slotsTotal, slotsBusy,
                process.pid(), port, startedAt, lastActivityAt, 0L, error);
    }

    public synchronized HeartbeatWorker toHeartbeat() {
        return new HeartbeatWorker(workerId, url, modelRef, modelRef, backend, device, state, slotsTotal, slotsBusy,
                0L, lastActivityAt);
    }
}
