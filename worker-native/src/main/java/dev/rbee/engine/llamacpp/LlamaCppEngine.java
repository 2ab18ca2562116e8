package dev.rbee.engine.llamacpp;

import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.args.LogFormat;
import dev.rbee.engine.Engine;
import dev.rbee.engine.EngineException;
import dev.rbee.engine.LoadListener;
import dev.rbee.engine.LoadRequest;
import dev.rbee.engine.LoadedModel;
import dev.rbee.engine.ModelHeader;
import dev.rbee.engine.gguf.GgufInfo;
import java.io.PrintStream;
import java.util.Set;

/** llama.cpp through the {@code de.kherud:llama} JNI binding, the reference engine for GGUF models. */
public final class LlamaCppEngine implements Engine {
    /** llama.cpp's way of saying "offload every layer". */
    private static final int ALL_LAYERS = 999;

    private final PrintStream log;
    private volatile Set<String> backends;

    /** Native log lines go to {@code log} (the worker's log file), not to stdout. */
    public LlamaCppEngine(PrintStream log) {
        this.log = log;
    }

    @Override
    public String name() {
        return "llama.cpp (de.kherud:llama)";
    }

    /** Read from the native library once; computing it twice by a race is harmless. */
    @Override
    public Set<String> backends() {
        Set<String> known = backends;
        if (known == null) {
            known = Set.copyOf(NativeBackends.supported());
            backends = known;
        }
        return known;
    }

    @Override
    public LoadedModel load(LoadRequest asked, LoadListener listener) {
        if (!backends().contains(asked.backend())) {
            throw new EngineException("the bundled llama.cpp library cannot compute on " + asked.backend()
                    + " (it supports " + String.join(", ", backends()) + "); rbee never falls back to the CPU",
                    EngineException.Kind.BACKEND);
        }
        GgufInfo info = ModelHeader.read(asked.modelPath());
        LoadRequest request = asked.withContextFrom(info);
        listener.progress(0, info.layers(), 0);
        NativeLibrary.loadPrivately(() -> LlamaModel.setLogger(LogFormat.TEXT,
                (level, message) -> log.print("[llama.cpp " + level + "] " + message)));
        ModelParameters params = new ModelParameters()
                .setModel(request.modelPath().toString())
                .setCtxSize(request.contextSize() * request.slots())
                .setParallel(request.slots())
                .setGpuLayers(request.onGpu() ? ALL_LAYERS : 0)
                .setMainGpu(request.device())
                .setThreads(request.threads());
        LlamaModel model;
        try {
            model = new LlamaModel(params);
        } catch (RuntimeException e) { // de.kherud's LlamaException is not public
            throw new EngineException("llama.cpp could not load " + request.modelPath() + ": " + e.getMessage(),
                    EngineException.Kind.MODEL, e);
        }
        listener.progress(info.layers(), info.layers(), info.tensorDataBytes());
        return new LlamaCppModel(model);
    }

}
