package dev.rbee.worker.loading;

import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.sse.ErrorEvent;
import dev.rbee.contract.sse.LoadingEvent;
import dev.rbee.contract.sse.ReadyEvent;
import dev.rbee.daemon.TestFaults;
import dev.rbee.engine.Engine;
import dev.rbee.engine.EngineException;
import dev.rbee.engine.LoadRequest;
import dev.rbee.engine.LoadedModel;
import dev.rbee.engine.ModelHeader;
import dev.rbee.engine.gguf.GgufInfo;
import dev.rbee.worker.WorkerConfig;
import dev.rbee.worker.WorkerStatus;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads the model after the HTTP server is up, feeding {@code loading} events and moving the state on. */
public final class ModelLoader {
    private static final Logger LOG = LoggerFactory.getLogger(ModelLoader.class);

    private final Engine engine;
    private final WorkerConfig config;
    private final WorkerStatus status;
    private final LoadingFeed feed;

    private final LoadFaults faults;
    private final boolean simulatedDevices = System.getenv("RBEE_FAKE_DEVICES") != null;

    /** {@code faults}: the loading hooks of test mode (see {@link LoadFaults}). */
    public ModelLoader(Engine engine, WorkerConfig config, WorkerStatus status, LoadingFeed feed, TestFaults faults) {
        this.faults = new LoadFaults(faults);
        this.engine = engine;
        this.config = config;
        this.status = status;
        this.feed = feed;
    }

    /**
     * A device from {@code RBEE_FAKE_DEVICES} exists only for tests: the worker reports it but computes on the CPU
     * (scenarios.md test kit). A real GPU request goes to the engine as it is, and fails there if it cannot be met.
     */
    private String computeBackend() {
        if (simulatedDevices && !"cpu".equals(config.backend())) {
            LOG.warn("⚠️ RBEE_FAKE_DEVICES is set: device inventory is simulated; {}:{} computes on the CPU",
                    config.backend(), config.device());
            return "cpu";
        }
        return config.backend();
    }

    /**
     * What the file's own metadata says, before llama.cpp sees it: the vocabulary, EOS and layer count come from
     * there and from nowhere else (S055), so the log shows them for anyone wondering why a run ended early.
     */
    private static void logMetadata(GgufInfo info) {
        LOG.info("Model metadata: {}, {} layers, vocab {}, EOS {}, {}", info.architecture(), info.layers(),
                info.vocabSize().map(String::valueOf).orElse("unknown"),
                info.eosTokenId().map(String::valueOf).orElse("none"), info.quantization());
    }

    /** Returns the model, or empty after recording the failure (state {@code error}, an {@code error} event). */
    public Optional<LoadedModel> load() {
        // The JVM counts only the cores this process may run on, so a worker the hive pinned to half of them
        // (S154) computes with that many threads.
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        LOG.info("Loading {} with {}, {} threads", config.modelPath(), engine.name(), threads);
        long start = System.nanoTime();
        try {
            logMetadata(ModelHeader.read(config.modelPath()));
            LoadedModel model = engine.load(new LoadRequest(config.modelPath(), config.contextSize(),
                            computeBackend(), config.device(), threads,
                            config.slots()),
                    faults.around((loaded, total, bytes) -> feed.add(new LoadingEvent(loaded, total, bytes))));
            status.loaded();
            feed.finish(ReadyEvent.loaded());
            LOG.info("Model loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
            return Optional.of(model);
        } catch (EngineException e) {
            LOG.error("Model load failed: {}", e.getMessage());
            status.failed(e.getMessage());
            ErrorCode code = switch (e.kind()) {
                case BACKEND -> ErrorCode.BACKEND_UNAVAILABLE;
                case DEVICE -> ErrorCode.CUDA_DEVICE_FAILED;
                default -> ErrorCode.MODEL_INCOMPATIBLE;
            };
            feed.finish(new ErrorEvent(code.name(), "Model could not be loaded: " + e.getMessage(),
                    Map.of("component", "llm-worker-rbee", "worker_id", config.workerId())));
            return Optional.empty();
        }
    }
}
