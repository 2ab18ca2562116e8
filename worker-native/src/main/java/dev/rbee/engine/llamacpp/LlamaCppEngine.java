package dev.rbee.engine.llamacpp;

import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.args.LogFormat;
import dev.rbee.engine.Engine;
import dev.rbee.engine.EngineException;
import dev.rbee.engine.LoadListener;
import dev.rbee.engine.LoadRequest;
import dev.rbee.engine.LoadedModel;
import dev.rbee.engine.gguf.GgufFormatException;
import dev.rbee.engine.gguf.GgufInfo;
import dev.rbee.engine.gguf.GgufReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;

/** llama.cpp through the {@code de.kherud:llama} JNI binding, the reference engine for GGUF models. */
public final class LlamaCppEngine implements Engine {
    private final PrintStream log;

    /** Native log lines go to {@code log} (the worker's log file), not to stdout. */
    public LlamaCppEngine(PrintStream log) {
        this.log = log;
    }

    @Override
    public String name() {
        return "llama.cpp (de.kherud:llama)";
    }

    @Override
    public LoadedModel load(LoadRequest request, LoadListener listener) {
        GgufInfo info = readHeader(request);
        listener.progress(0, info.layers(), 0);
        NativeLibrary.loadPrivately(() -> LlamaModel.setLogger(LogFormat.TEXT,
                (level, message) -> log.print("[llama.cpp " + level + "] " + message)));
        ModelParameters params = new ModelParameters()
                .setModel(request.modelPath().toString())
                .setCtxSize(request.contextSize() * request.slots())
                .setParallel(request.slots())
                .setGpuLayers(request.gpuLayers())
                .setThreads(request.threads());
        LlamaModel model;
        try {
            model = new LlamaModel(params);
        } catch (RuntimeException e) { // de.kherud's LlamaException is not public
            throw new EngineException("llama.cpp could not load " + request.modelPath() + ": " + e.getMessage(), e);
        }
        listener.progress(info.layers(), info.layers(), info.fileSizeBytes());
        return new LlamaCppModel(model);
    }

    private static GgufInfo readHeader(LoadRequest request) {
        if (!Files.isRegularFile(request.modelPath())) {
            throw new EngineException("model file not found: " + request.modelPath());
        }
        try {
            return new GgufReader().read(request.modelPath());
        } catch (GgufFormatException e) {
            throw new EngineException(e.getMessage());
        } catch (IOException e) {
            throw new EngineException("cannot read " + request.modelPath() + ": " + e.getMessage(), e);
        }
    }
}
