package dev.rbee.engine.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.rbee.engine.EngineException;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;

/**
 * The C structs llama.cpp b4916 passes by value. A wrong layout would corrupt memory silently, so {@link #verify}
 * compares the library's own default values at known offsets before any struct is passed back.
 */
final class StructLayouts {
    /** {@code struct llama_model_params}: 64 bytes. */
    static final StructLayout MODEL_PARAMS = MemoryLayout.structLayout(
            ADDRESS.withName("devices"),
            JAVA_INT.withName("n_gpu_layers"),
            JAVA_INT.withName("split_mode"),
            JAVA_INT.withName("main_gpu"),
            MemoryLayout.paddingLayout(4),
            ADDRESS.withName("tensor_split"),
            ADDRESS.withName("progress_callback"),
            ADDRESS.withName("progress_callback_user_data"),
            ADDRESS.withName("kv_overrides"),
            JAVA_BOOLEAN.withName("vocab_only"),
            JAVA_BOOLEAN.withName("use_mmap"),
            JAVA_BOOLEAN.withName("use_mlock"),
            JAVA_BOOLEAN.withName("check_tensors"),
            MemoryLayout.paddingLayout(4));

    /** {@code struct llama_context_params}: 120 bytes. */
    static final StructLayout CONTEXT_PARAMS = MemoryLayout.structLayout(
            JAVA_INT.withName("n_ctx"), JAVA_INT.withName("n_batch"), JAVA_INT.withName("n_ubatch"),
            JAVA_INT.withName("n_seq_max"), JAVA_INT.withName("n_threads"), JAVA_INT.withName("n_threads_batch"),
            JAVA_INT.withName("rope_scaling_type"), JAVA_INT.withName("pooling_type"),
            JAVA_INT.withName("attention_type"),
            JAVA_FLOAT.withName("rope_freq_base"), JAVA_FLOAT.withName("rope_freq_scale"),
            JAVA_FLOAT.withName("yarn_ext_factor"), JAVA_FLOAT.withName("yarn_attn_factor"),
            JAVA_FLOAT.withName("yarn_beta_fast"), JAVA_FLOAT.withName("yarn_beta_slow"),
            JAVA_INT.withName("yarn_orig_ctx"), JAVA_FLOAT.withName("defrag_thold"),
            MemoryLayout.paddingLayout(4),
            ADDRESS.withName("cb_eval"), ADDRESS.withName("cb_eval_user_data"),
            JAVA_INT.withName("type_k"), JAVA_INT.withName("type_v"),
            JAVA_BOOLEAN.withName("logits_all"), JAVA_BOOLEAN.withName("embeddings"),
            JAVA_BOOLEAN.withName("offload_kqv"), JAVA_BOOLEAN.withName("flash_attn"),
            JAVA_BOOLEAN.withName("no_perf"),
            MemoryLayout.paddingLayout(3),
            ADDRESS.withName("abort_callback"), ADDRESS.withName("abort_callback_data"));

    /** {@code struct llama_batch}: 56 bytes. */
    static final StructLayout BATCH = MemoryLayout.structLayout(
            JAVA_INT.withName("n_tokens"), MemoryLayout.paddingLayout(4),
            ADDRESS.withName("token"), ADDRESS.withName("embd"), ADDRESS.withName("pos"),
            ADDRESS.withName("n_seq_id"), ADDRESS.withName("seq_id"), ADDRESS.withName("logits"));

    /** {@code struct llama_sampler_chain_params}. */
    static final StructLayout SAMPLER_CHAIN_PARAMS = MemoryLayout.structLayout(JAVA_BOOLEAN.withName("no_perf"));

    private StructLayouts() {
    }

    /** Fails when the library's defaults do not sit where these layouts expect them. */
    static void verify(MemorySegment modelDefaults, MemorySegment contextDefaults) {
        boolean modelOk = modelDefaults.get(JAVA_INT, 12) == 1 // split_mode LAYER
                && modelDefaults.get(JAVA_BOOLEAN, 57) // use_mmap
                && !modelDefaults.get(JAVA_BOOLEAN, 56) && !modelDefaults.get(JAVA_BOOLEAN, 58);
        boolean contextOk = contextDefaults.get(JAVA_INT, 0) == 512 && contextDefaults.get(JAVA_INT, 4) == 2048
                && contextDefaults.get(JAVA_FLOAT, 52) == 32.0f && contextDefaults.get(JAVA_INT, 88) == 1
                && contextDefaults.get(JAVA_BOOLEAN, 98) && contextDefaults.get(JAVA_BOOLEAN, 100);
        if (!modelOk || !contextOk) {
            throw new EngineException("the llama.cpp library's structs are not laid out as this engine expects "
                    + "(it was written for build b4916)", EngineException.Kind.BACKEND);
        }
    }
}
