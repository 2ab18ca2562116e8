package dev.rbee.contract.sse;

import dev.rbee.contract.queen.HiveStatus;
import dev.rbee.contract.queen.Job;
import dev.rbee.contract.queen.Node;
import dev.rbee.contract.queen.QWorker;

import java.util.List;

/** First event of {@code GET /v2/events}: the whole cluster state. */
public record SnapshotEvent(List<Node> nodes, List<HiveStatus> hives, List<QWorker> workers, List<Job> jobs)
        implements SseEvent {

    @Override
    public String eventType() {
        return EventType.SNAPSHOT;
    }
}
