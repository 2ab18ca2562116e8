package dev.rbee.hive.workers;

import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The hive's local worker registry; a worker leaves it when its process exits. */
public final class WorkerRegistry {
    private final Map<String, WorkerEntry> workers = new ConcurrentHashMap<>();

    public void add(WorkerEntry entry) {
        workers.put(entry.workerId(), entry);
        entry.process().onExit().thenRun(() -> workers.remove(entry.workerId(), entry));
    }

    public Optional<WorkerEntry> find(String workerId) {
        return Optional.ofNullable(workers.get(workerId));
    }

    public WorkerEntry get(String workerId) {
        return find(workerId).orElseThrow(() -> RbeeException.of(ErrorCode.WORKER_NOT_FOUND,
                "Worker '" + workerId + "' not found", Map.of("worker_id", workerId)));
    }

    public boolean contains(String workerId) {
        return workers.containsKey(workerId);
    }

    public Collection<WorkerEntry> all() {
        return List.copyOf(workers.values());
    }

    public int size() {
        return workers.size();
    }
}
