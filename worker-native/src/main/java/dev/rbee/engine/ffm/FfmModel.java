package dev.rbee.engine.ffm;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.rbee.engine.EngineException;
import dev.rbee.engine.GenerationRequest;
import dev.rbee.engine.GenerationResult;
import dev.rbee.engine.LoadRequest;
import dev.rbee.engine.LoadedModel;
import dev.rbee.engine.TokenSink;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.BooleanSupplier;

/**
 * A model loaded through the C API with one llama.cpp context per slot: contexts are not thread-safe, the weights
 * are shared. A generation borrows a free context and gives it back when it ends.
 */
final class FfmModel implements LoadedModel {
    private final LlamaCApi api;
    private final Arena arena;
    private final MemorySegment model;
    private final MemorySegment vocab;
    private final List<MemorySegment> contexts = new ArrayList<>();
    private final BlockingQueue<MemorySegment> free;

    FfmModel(LlamaCApi api, Arena arena, MemorySegment model, LoadRequest request) {
        this.api = api;
        this.arena = arena;
        this.model = model;
        this.free = new ArrayBlockingQueue<>(request.slots());
        try {
            this.vocab = (MemorySegment) api.modelGetVocab.invokeExact(model);
            for (int i = 0; i < request.slots(); i++) {
                MemorySegment context = newContext(request);
                contexts.add(context);
                free.add(context);
            }
        } catch (Throwable e) {
            close();
            throw e instanceof EngineException ee ? ee
                    : new EngineException("llama.cpp context: " + e, EngineException.Kind.MODEL, e);
        }
    }

    private MemorySegment newContext(LoadRequest request) throws Throwable {
        MemorySegment params = (MemorySegment) api.contextDefaultParams.invokeExact((SegmentAllocator) arena);
        params.set(JAVA_INT, 0, request.contextSize()); // n_ctx
        params.set(JAVA_INT, 16, request.threads()); // n_threads
        params.set(JAVA_INT, 20, request.threads()); // n_threads_batch
        MemorySegment context = (MemorySegment) api.initFromModel.invokeExact(model, params);
        if (context.equals(MemorySegment.NULL)) {
            throw new EngineException("llama.cpp could not create a context of " + request.contextSize() + " tokens",
                    EngineException.Kind.MODEL);
        }
        return context;
    }

    @Override
    public GenerationResult generate(GenerationRequest request, TokenSink sink, BooleanSupplier cancelled) {
        MemorySegment context = free.poll();
        if (context == null) {
            throw new EngineException("no free context: more generations than slots", EngineException.Kind.INFERENCE);
        }
        try {
            return new FfmGeneration(api, vocab, context).run(request, sink, cancelled);
        } finally {
            free.add(context);
        }
    }

    @Override
    public void close() {
        try {
            for (MemorySegment context : contexts) {
                api.free.invokeExact(context);
            }
            contexts.clear();
            api.modelFree.invokeExact(model);
        } catch (Throwable e) {
            throw new EngineException("llama.cpp failed to free the model: " + e, EngineException.Kind.MODEL, e);
        } finally {
            arena.close();
        }
    }
}
