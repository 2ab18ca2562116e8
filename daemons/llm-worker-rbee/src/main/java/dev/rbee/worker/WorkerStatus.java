package dev.rbee.worker;

import dev.rbee.contract.Times;
import dev.rbee.contract.WorkerState;
import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.worker.ReadyResponse;
import dev.rbee.contract.worker.WorkerHealth;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The worker's state machine and its slots: {@code loading → idle ⇄ busy}, any → {@code draining}, {@code loading →
 * error}. Taking a slot and checking the state happen under one lock, so two requests for the last slot cannot both
 * win (api.md §7.2).
 */
public final class WorkerStatus {
    private final String workerId;
    private final int slotsTotal;
    private String state = WorkerState.LOADING;
    private int slotsBusy;
    private String lastActivityAt = Times.now();
    private String failure;

    public WorkerStatus(String workerId, int slotsTotal) {
        this.workerId = workerId;
        this.slotsTotal = slotsTotal;
    }

    public synchronized void loaded() {
        if (WorkerState.LOADING.equals(state)) {
            state = WorkerState.IDLE;
            lastActivityAt = Times.now();
        }
    }

    public synchronized void failed(String reason) {
        state = WorkerState.ERROR;
        failure = reason;
    }

    /** Returns false when the worker was already draining. */
    public synchronized boolean drain() {
        if (WorkerState.DRAINING.equals(state)) {
            return false;
        }
        state = WorkerState.DRAINING;
        return true;
    }

    /** Takes a slot or explains, in the spec's error, why none can be had. */
    public synchronized void acquireSlot() {
        if (!WorkerState.isReady(state)) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("worker_id", workerId);
            details.put("state", state);
            throw RbeeException.of(ErrorCode.WORKER_NOT_READY, "Worker " + workerId + " is " + state, details);
        }
        if (slotsBusy >= slotsTotal) {
            throw RbeeException.of(ErrorCode.ALL_SLOTS_BUSY, "Worker is busy, try again later",
                    Map.of("worker_id", workerId, "slots_total", slotsTotal, "slots_busy", slotsBusy));
        }
        slotsBusy++;
        state = WorkerState.BUSY;
    }

    public synchronized void releaseSlot() {
        slotsBusy = Math.max(0, slotsBusy - 1);
        lastActivityAt = Times.now();
        if (slotsBusy == 0 && WorkerState.BUSY.equals(state)) {
            state = WorkerState.IDLE;
        }
        notifyAll();
    }

    /** Waits until no slot is busy or the deadline passes; returns whether all slots are free. */
    public synchronized boolean awaitIdle(long deadlineNanos) throws InterruptedException {
        while (slotsBusy > 0) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    public synchronized String state() {
        return state;
    }

    public synchronized String failure() {
        return failure;
    }

    public synchronized int slotsBusy() {
        return slotsBusy;
    }

    public synchronized WorkerHealth health(WorkerConfig config, String engine, long rssBytes) {
        String health = WorkerState.ERROR.equals(state) ? WorkerHealth.UNHEALTHY : WorkerHealth.HEALTHY;
        return new WorkerHealth(health, workerId, state, 0, slotsTotal, slotsBusy, config.modelRef(),
                config.backend(), config.device(), engine, rssBytes);
    }

    public synchronized ReadyResponse ready(String progressUrl) {
        boolean loading = WorkerState.LOADING.equals(state);
        return new ReadyResponse(WorkerState.isReady(state), state, loading ? progressUrl : null,
                !loading && !WorkerState.ERROR.equals(state), slotsTotal, slotsBusy, lastActivityAt);
    }
}
