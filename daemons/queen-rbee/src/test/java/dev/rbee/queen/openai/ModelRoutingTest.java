package dev.rbee.queen.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rbee.contract.queen.HeartbeatWorker;
import dev.rbee.contract.queen.TaskRequest;
import dev.rbee.queen.registry.WorkerDirectory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** api.md §5.8 routing: any node with a free worker of the model, idle first; else localhost. */
class ModelRoutingTest {
    private static final String TINY = "hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF";

    private static HeartbeatWorker beat(String id, String model, String state, int busy, int slots) {
        return new HeartbeatWorker(id, "http://127.0.0.1:1", model, model, "cuda", 1, state, slots, busy, 0L, null);
    }

    @Test
    void aModelWithAnIdleWorkerRunsOnItsNodeAndAnyOtherOnLocalhost() {
        WorkerDirectory directory = new WorkerDirectory();
        directory.replaceNode("workstation", List.of(beat("worker-0001", TINY, "idle", 0, 1)));
        ModelRouting routing = new ModelRouting(directory);
        assertEquals("workstation", routing.nodeFor(TINY));
        assertEquals("localhost", routing.nodeFor("demo:tiny"));
        TaskRequest routed = routing.route(TaskRequest.of(TINY, "hi"));
        assertEquals("workstation", routed.node());
        assertEquals("hi", routed.prompt());
    }

    @Test
    void anIdleWorkerWinsOverABusyOneWithAFreeSlotAndAFullOneAttractsNothing() {
        WorkerDirectory directory = new WorkerDirectory();
        directory.replaceNode("alpha", List.of(beat("worker-0001", TINY, "busy", 1, 2)));
        directory.replaceNode("beta", List.of(beat("worker-0002", TINY, "idle", 0, 1)));
        directory.replaceNode("gamma", List.of(beat("worker-0003", "demo:tiny", "busy", 1, 1)));
        ModelRouting routing = new ModelRouting(directory);
        assertEquals("beta", routing.nodeFor(TINY));
        assertEquals("localhost", routing.nodeFor("demo:tiny"));
        directory.replaceNode("beta", List.of());
        assertEquals("alpha", routing.nodeFor(TINY));
    }

    @Test
    void aLoadingWorkerDoesNotAttractARequest() {
        WorkerDirectory directory = new WorkerDirectory();
        directory.replaceNode("workstation", List.of(beat("worker-0001", TINY, "loading", 0, 1)));
        assertEquals("localhost", new ModelRouting(directory).nodeFor(TINY));
    }
}
