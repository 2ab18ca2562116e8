package dev.rbee.engine.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.rbee.engine.EngineException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/**
 * The part of llama.cpp's C API that rbee samples with, bound through the FFM API to the llama.cpp library that
 * {@code de.kherud:llama} bundles (build b4916). Struct layouts are those of that build; {@link StructLayouts#verify}
 * checks them against the library's own defaults before anything else is called.
 */
final class LlamaCApi {
    final MethodHandle backendInit;
    final MethodHandle modelDefaultParams;
    final MethodHandle modelLoadFromFile;
    final MethodHandle modelFree;
    final MethodHandle modelGetVocab;
    final MethodHandle modelNLayer;
    final MethodHandle contextDefaultParams;
    final MethodHandle initFromModel;
    final MethodHandle free;
    final MethodHandle nCtx;
    final MethodHandle tokenize;
    final MethodHandle tokenToPiece;
    final MethodHandle vocabIsEog;
    final MethodHandle batchGetOne;
    final MethodHandle decode;
    final MethodHandle kvSelfClear;
    final MethodHandle samplerChainDefaultParams;
    final MethodHandle samplerChainInit;
    final MethodHandle samplerChainAdd;
    final MethodHandle samplerInitPenalties;
    final MethodHandle samplerInitTemp;
    final MethodHandle samplerInitTopK;
    final MethodHandle samplerInitTopP;
    final MethodHandle samplerInitMinP;
    final MethodHandle samplerInitDist;
    final MethodHandle samplerInitGreedy;
    final MethodHandle samplerSample;
    final MethodHandle samplerFree;
    final MethodHandle logSet;

    LlamaCApi(SymbolLookup lookup) {
        Linker linker = Linker.nativeLinker();
        Binder b = new Binder(linker, lookup);
        backendInit = b.bind("llama_backend_init", FunctionDescriptor.ofVoid());
        modelDefaultParams = b.bind("llama_model_default_params", FunctionDescriptor.of(StructLayouts.MODEL_PARAMS));
        modelLoadFromFile = b.bind("llama_model_load_from_file",
                FunctionDescriptor.of(ADDRESS, ADDRESS, StructLayouts.MODEL_PARAMS));
        modelFree = b.bind("llama_model_free", FunctionDescriptor.ofVoid(ADDRESS));
        modelGetVocab = b.bind("llama_model_get_vocab", FunctionDescriptor.of(ADDRESS, ADDRESS));
        modelNLayer = b.bind("llama_model_n_layer", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        contextDefaultParams = b.bind("llama_context_default_params",
                FunctionDescriptor.of(StructLayouts.CONTEXT_PARAMS));
        initFromModel = b.bind("llama_init_from_model",
                FunctionDescriptor.of(ADDRESS, ADDRESS, StructLayouts.CONTEXT_PARAMS));
        free = b.bind("llama_free", FunctionDescriptor.ofVoid(ADDRESS));
        nCtx = b.bind("llama_n_ctx", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        tokenize = b.bind("llama_tokenize", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS,
                JAVA_INT, JAVA_BOOLEAN, JAVA_BOOLEAN));
        tokenToPiece = b.bind("llama_token_to_piece", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS,
                JAVA_INT, JAVA_INT, JAVA_BOOLEAN));
        vocabIsEog = b.bind("llama_vocab_is_eog", FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS, JAVA_INT));
        batchGetOne = b.bind("llama_batch_get_one", FunctionDescriptor.of(StructLayouts.BATCH, ADDRESS, JAVA_INT));
        decode = b.bind("llama_decode", FunctionDescriptor.of(JAVA_INT, ADDRESS, StructLayouts.BATCH));
        kvSelfClear = b.bind("llama_kv_self_clear", FunctionDescriptor.ofVoid(ADDRESS));
        samplerChainDefaultParams = b.bind("llama_sampler_chain_default_params",
                FunctionDescriptor.of(StructLayouts.SAMPLER_CHAIN_PARAMS));
        samplerChainInit = b.bind("llama_sampler_chain_init",
                FunctionDescriptor.of(ADDRESS, StructLayouts.SAMPLER_CHAIN_PARAMS));
        samplerChainAdd = b.bind("llama_sampler_chain_add", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS));
        samplerInitPenalties = b.bind("llama_sampler_init_penalties", FunctionDescriptor.of(ADDRESS, JAVA_INT,
                JAVA_FLOAT, JAVA_FLOAT, JAVA_FLOAT));
        samplerInitTemp = b.bind("llama_sampler_init_temp", FunctionDescriptor.of(ADDRESS, JAVA_FLOAT));
        samplerInitTopK = b.bind("llama_sampler_init_top_k", FunctionDescriptor.of(ADDRESS, JAVA_INT));
        samplerInitTopP = b.bind("llama_sampler_init_top_p", FunctionDescriptor.of(ADDRESS, JAVA_FLOAT, JAVA_LONG));
        samplerInitMinP = b.bind("llama_sampler_init_min_p", FunctionDescriptor.of(ADDRESS, JAVA_FLOAT, JAVA_LONG));
        samplerInitDist = b.bind("llama_sampler_init_dist", FunctionDescriptor.of(ADDRESS, JAVA_INT));
        samplerInitGreedy = b.bind("llama_sampler_init_greedy", FunctionDescriptor.of(ADDRESS));
        samplerSample = b.bind("llama_sampler_sample", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
        samplerFree = b.bind("llama_sampler_free", FunctionDescriptor.ofVoid(ADDRESS));
        logSet = b.bind("llama_log_set", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS));
    }

    private record Binder(Linker linker, SymbolLookup lookup) {
        MethodHandle bind(String name, FunctionDescriptor descriptor) {
            MemorySegment symbol = lookup.find(name).orElseThrow(() -> new EngineException(
                    "the llama.cpp library has no " + name + "; this engine needs build b4916",
                    EngineException.Kind.BACKEND));
            return linker.downcallHandle(symbol, descriptor);
        }
    }
}
