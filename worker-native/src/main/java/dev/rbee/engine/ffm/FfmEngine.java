package dev.rbee.engine.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.rbee.engine.Engine;
import dev.rbee.engine.EngineException;
import dev.rbee.engine.LoadListener;
import dev.rbee.engine.LoadRequest;
import dev.rbee.engine.LoadedModel;
import dev.rbee.engine.ModelHeader;
import dev.rbee.engine.gguf.GgufInfo;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Set;

/**
 * llama.cpp through its C API, called with the FFM API on the library bundled by {@code de.kherud:llama}. Unlike the
 * JNI binding's server it samples token by token in Java, so every token is seen (exact counts, "" while a UTF-8
 * character is incomplete), loading reports llama.cpp's own progress, and the sampler chain follows api.md's order.
 */
public final class FfmEngine implements Engine {
    @Override
    public String name() {
        return "llama.cpp C API (FFM, bundled b4916)";
    }

    @Override
    public Set<String> backends() {
        return Set.of("cpu");
    }

    @Override
    public LoadedModel load(LoadRequest asked, LoadListener listener) {
        if (asked.onGpu()) {
            throw new EngineException("this engine computes on the CPU only; rbee never falls back to the CPU",
                    EngineException.Kind.BACKEND);
        }
        GgufInfo info = ModelHeader.read(asked.modelPath());
        LoadRequest request = asked.withContextFrom(info);
        LlamaCApi api = NativeLlama.api();
        Arena arena = Arena.ofShared();
        try {
            MemorySegment model = loadModel(api, arena, request, info, listener);
            return new FfmModel(api, arena, model, request);
        } catch (RuntimeException | Error e) {
            arena.close();
            throw e;
        }
    }

    private MemorySegment loadModel(LlamaCApi api, Arena arena, LoadRequest request, GgufInfo info,
                                    LoadListener listener) {
        try {
            MemorySegment params = (MemorySegment) api.modelDefaultParams.invokeExact((SegmentAllocator) arena);
            MemorySegment contextDefaults = (MemorySegment) api.contextDefaultParams
                    .invokeExact((SegmentAllocator) arena);
            StructLayouts.verify(params, contextDefaults);
            params.set(JAVA_INT, 8, 0); // n_gpu_layers
            params.set(ADDRESS, 32, progressCallback(arena, info, listener));
            listener.progress(0, info.layers(), 0);
            MemorySegment model = (MemorySegment) api.modelLoadFromFile.invokeExact(
                    arena.allocateFrom(request.modelPath().toString()), params);
            if (model.equals(MemorySegment.NULL)) {
                throw new EngineException("llama.cpp could not load " + request.modelPath(), EngineException.Kind.MODEL);
            }
            listener.progress(info.layers(), info.layers(), info.tensorDataBytes());
            return model;
        } catch (EngineException e) {
            throw e;
        } catch (Throwable e) {
            throw new EngineException("llama.cpp failed while loading: " + e, EngineException.Kind.MODEL, e);
        }
    }

    /**
     * llama.cpp calls this with 0.0–1.0 while it reads tensors; reported as layers, once per whole layer. The
     * fraction is of the tensor data, so bytes_loaded is too: the header (vocabulary and all) is not weight.
     */
    private static MemorySegment progressCallback(Arena arena, GgufInfo info, LoadListener listener)
            throws ReflectiveOperationException {
        int layers = info.layers();
        int[] reported = {0};
        ProgressSink sink = fraction -> {
            int done = Math.min(layers, (int) Math.floor(fraction * layers));
            if (done > reported[0] && done < layers) {
                reported[0] = done;
                listener.progress(done, layers, (long) (fraction * info.tensorDataBytes()));
            }
            return true;
        };
        var handle = MethodHandles.lookup().findVirtual(ProgressSink.class, "progress",
                MethodType.methodType(boolean.class, float.class)).bindTo(sink);
        var withUserData = MethodHandles.dropArguments(handle, 1, MemorySegment.class);
        return Linker.nativeLinker().upcallStub(withUserData, FunctionDescriptor.of(JAVA_BOOLEAN, JAVA_FLOAT, ADDRESS),
                arena);
    }

    /** The shape of {@code llama_progress_callback} without its user-data pointer. */
    @FunctionalInterface
    public interface ProgressSink {
        boolean progress(float fraction);
    }
}
