package dev.rbee.keeper.workers;

import dev.rbee.contract.error.Component;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.queen.SpawnWorkerRequest;
import dev.rbee.contract.sse.ErrorEvent;
import dev.rbee.contract.sse.ReadyEvent;
import dev.rbee.contract.sse.SseEvent;
import dev.rbee.contract.sse.SseEventStream;
import dev.rbee.contract.validation.SpawnValidation;
import dev.rbee.keeper.KeeperConfig;
import dev.rbee.keeper.KeeperErrors;

import java.util.Map;

/**
 * Starting a worker as {@code worker start} does it (cli.md §9), shared by the CLI and the desktop: the request with
 * the configured defaults, validated before queen is contacted, and the spawn stream followed to its outcome.
 */
public final class WorkerSpawn {
    /** Sees every event of the spawn stream, the outcome ({@code ready}, {@code error}) included. */
    @FunctionalInterface
    public interface Listener {
        void event(SseEvent event, String rawJson);
    }

    private WorkerSpawn() {
    }

    /**
     * The request for {@code POST /v2/workers/spawn}; blank values take the {@code [defaults]} of config.toml. As for
     * infer, the configured device only comes with the configured backend.
     *
     * @throws RbeeException USAGE_ERROR without a model, or the contract's validation error
     */
    public static SpawnWorkerRequest request(KeeperConfig.Defaults defaults, String node, String model,
                                             String backend, Integer device) {
        String name = defaults.nodeFor(node);
        String ref = KeeperConfig.orDefault(model, defaults.model());
        if (ref == null) {
            throw KeeperErrors.local(KeeperErrors.USAGE_ERROR, "Missing --model", Map.of("missing", "--model"));
        }
        String chosenBackend = backend;
        Integer chosenDevice = device;
        if (backend == null && device == null) {
            chosenBackend = defaults.backend();
            chosenDevice = defaults.device();
        }
        SpawnWorkerRequest request = new SpawnWorkerRequest(name, ref, chosenBackend, chosenDevice, null);
        SpawnValidation.validate(request, Component.KEEPER);
        return request;
    }

    /**
     * Follows the spawn stream: returns queen's {@code ready} (the worker, its URL and placement), throws the
     * {@code error} as an RbeeException, and returns null when the stream ended without either (closed by the caller,
     * or cut off).
     */
    public static ReadyEvent follow(SseEventStream events, Listener listener) {
        while (events.hasNext()) {
            SseEvent event = events.next();
            listener.event(event, events.lastJson());
            switch (event) {
                case ReadyEvent ready -> {
                    return ready;
                }
                case ErrorEvent error -> throw error.toException();
                default -> { }
            }
        }
        return null;
    }

    /** The result line of {@code worker start}. */
    public static String readyLine(ReadyEvent ready, String node, String model) {
        return "✅ Worker " + ready.workerId() + " ready on " + node + " (" + ready.backend() + ":" + ready.device()
                + ", " + model + ") at " + ready.url();
    }

    /** What the CLI says when the stream ends with neither outcome and nobody asked it to stop. */
    public static RbeeException interrupted() {
        return RbeeException.fromEvent("STREAM_INTERRUPTED", "The spawn stream ended without ready or error", null);
    }
}
