package dev.rbee.contract.sse;

import dev.rbee.contract.WorkerState;
import dev.rbee.contract.queen.QWorker;

/**
 * A worker registry change: the QWorker fields flattened into the event, {@code state:"removed"} when it is gone.
 * Boxed so a removal may carry only what queen still knew.
 */
public record WorkerEvent(
        String workerId,
        String node,
        String url,
        String modelRef,
        String resolvedRef,
        String backend,
        Integer device,
        String state,
        Integer slotsTotal,
        Integer slotsBusy,
        Long vramBytes,
        String lastHeartbeatAt,
        Boolean stale) implements SseEvent {

    public static WorkerEvent of(QWorker w) {
        return of(w, w.state());
    }

    public static WorkerEvent removed(QWorker w) {
        return of(w, WorkerState.REMOVED);
    }

    private static WorkerEvent of(QWorker w, String state) {
        return new WorkerEvent(w.workerId(), w.node(), w.url(), w.modelRef(), w.resolvedRef(), w.backend(),
                w.device(), state, w.slotsTotal(), w.slotsBusy(), w.vramBytes(), w.lastHeartbeatAt(), w.stale());
    }

    @Override
    public String eventType() {
        return EventType.WORKER;
    }
}
