package dev.rbee.engine.gguf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Generates a llama-architecture GGUF model with random weights that llama.cpp loads and runs.
 *
 * <p>Pure noise would make a model emit byte-fallback and control tokens, i.e. unprintable bytes and an early EOS.
 * So dimension 0 of the residual stream is used as a "printable" channel: every token embedding carries a constant
 * there, which dominates the normalised hidden state, and the output projection weighs that channel strongly positive
 * for printable tokens and strongly negative for all others. Everything else is seeded noise, so the text is random
 * but the forward pass is a real one.
 */
public final class RandomLlamaGenerator {
    private static final float PRINTABLE_CHANNEL = 1.0f;
    private static final float PRINTABLE_LOGIT_WEIGHT = 8.0f;
    private static final float EMBEDDING_NOISE = 0.5f;
    private static final float OUTPUT_NOISE = 0.3f;
    private static final float WEIGHT_NOISE = 0.02f;
    /**
     * The noise levels above were tuned at this width (demo:tiny's). Wider models scale the matrix noise by
     * sqrt(64 / n_embd), as usual weight initialisations do, so the printable channel still dominates the logits;
     * without it a 2048-wide model samples byte and control tokens, and ends early on EOS.
     */
    private static final double REFERENCE_EMBEDDING = 64;

    public void write(LlamaModelSpec spec, Path target) throws IOException {
        write(spec, target, java.util.Map.of());
    }

    /** As {@link #write(LlamaModelSpec, Path)}, with extra string metadata after the model's own keys. */
    public void write(LlamaModelSpec spec, Path target, java.util.Map<String, String> strings) throws IOException {
        LlamaVocab vocab = LlamaVocab.ofSize(spec.vocabSize());
        GgufWriter writer = new GgufWriter();
        writeLlamaMetadata(writer, spec, vocab);
        strings.forEach(writer::putString);
        addTensors(spec, vocab, writer);
        writer.writeTo(target);
    }

    /** The keys llama.cpp needs to load a llama model with this vocabulary. */
    static void writeLlamaMetadata(GgufWriter w, LlamaModelSpec spec, LlamaVocab vocab) {
        writeLlamaMetadata(w, spec, vocab, ByteLevelVocab.EOS);
    }

    /** As above with another end-of-sequence token, for models whose EOS is not {@code </s>} (S055). */
    static void writeLlamaMetadata(GgufWriter w, LlamaModelSpec spec, LlamaVocab vocab, int eosId) {
        w.putString("general.architecture", "llama")
                .putString("general.name", spec.name())
                .putUInt32("general.file_type", spec.tensorType().fileType())
                .putUInt32("general.alignment", GgufWriter.ALIGNMENT)
                .putUInt32("llama.context_length", spec.contextLength())
                .putUInt32("llama.embedding_length", spec.embedding())
                .putUInt32("llama.block_count", spec.layers())
                .putUInt32("llama.feed_forward_length", spec.feedForward())
                .putUInt32("llama.rope.dimension_count", spec.headDimension())
                .putUInt32("llama.attention.head_count", spec.heads())
                .putUInt32("llama.attention.head_count_kv", spec.kvHeads())
                .putFloat32("llama.attention.layer_norm_rms_epsilon", 1e-5f)
                .putUInt32("llama.vocab_size", vocab.size())
                .putString("tokenizer.ggml.model", "llama")
                .putStringArray("tokenizer.ggml.tokens", vocab.tokens())
                .putFloat32Array("tokenizer.ggml.scores", vocab.scoreArray())
                .putInt32Array("tokenizer.ggml.token_type", vocab.typeArray())
                .putUInt32("tokenizer.ggml.bos_token_id", ByteLevelVocab.BOS)
                .putUInt32("tokenizer.ggml.eos_token_id", eosId)
                .putUInt32("tokenizer.ggml.unknown_token_id", ByteLevelVocab.UNK)
                .putBool("tokenizer.ggml.add_bos_token", true)
                .putBool("tokenizer.ggml.add_eos_token", false);
    }

    private static void addTensors(LlamaModelSpec spec, LlamaVocab vocab, GgufWriter w) {
        GgmlType type = spec.tensorType();
        long n = spec.embedding();
        long vocabSize = vocab.size();
        w.addTensor("token_embd.weight", type, new long[] {n, vocabSize}, RandomLlamaGenerator::embeddingRow);
        w.addTensor("output_norm.weight", GgmlType.F32, new long[] {n}, RandomLlamaGenerator::ones);
        double outputNoise = OUTPUT_NOISE * widthScale(spec);
        w.addTensor("output.weight", type.outputType(), new long[] {n, vocabSize}, outputRows(vocab, outputNoise));
        for (int layer = 0; layer < spec.layers(); layer++) {
            addLayer(spec, w, layer);
        }
    }

    private static void addLayer(LlamaModelSpec spec, GgufWriter w, int layer) {
        GgmlType type = spec.tensorType();
        long n = spec.embedding();
        long kv = spec.kvEmbedding();
        long ff = spec.feedForward();
        String p = "blk." + layer + ".";
        long seed = spec.seed() * 1000 + layer * 16L;
        double sd = WEIGHT_NOISE * widthScale(spec);
        w.addTensor(p + "attn_norm.weight", GgmlType.F32, new long[] {n}, RandomLlamaGenerator::ones);
        w.addTensor(p + "attn_q.weight", type, new long[] {n, n}, noise(seed + 1, sd));
        w.addTensor(p + "attn_k.weight", type, new long[] {n, kv}, noise(seed + 2, sd));
        w.addTensor(p + "attn_v.weight", type, new long[] {n, kv}, noise(seed + 3, sd));
        w.addTensor(p + "attn_output.weight", type, new long[] {n, n}, noise(seed + 4, sd));
        w.addTensor(p + "ffn_norm.weight", GgmlType.F32, new long[] {n}, RandomLlamaGenerator::ones);
        w.addTensor(p + "ffn_gate.weight", type, new long[] {n, ff}, noise(seed + 5, sd));
        w.addTensor(p + "ffn_up.weight", type, new long[] {n, ff}, noise(seed + 6, sd));
        w.addTensor(p + "ffn_down.weight", type, new long[] {ff, n}, noise(seed + 7, sd));
    }

    /** Transformer blocks with all-zero weights: each one passes the residual stream through unchanged. */
    static void addZeroLayers(GgufWriter w, LlamaModelSpec spec) {
        addZeroLayers(w, spec, GgmlType.F32);
    }

    /** As above, with the matrices stored as {@code type} (zeros are exact in every type). */
    static void addZeroLayers(GgufWriter w, LlamaModelSpec spec, GgmlType type) {
        TensorRows zeros = (r, row) -> java.util.Arrays.fill(row, 0f);
        long n = spec.embedding();
        long kv = spec.kvEmbedding();
        long ff = spec.feedForward();
        for (int layer = 0; layer < spec.layers(); layer++) {
            String p = "blk." + layer + ".";
            w.addTensor(p + "attn_norm.weight", GgmlType.F32, new long[] {n}, RandomLlamaGenerator::ones);
            w.addTensor(p + "attn_q.weight", type, new long[] {n, n}, zeros);
            w.addTensor(p + "attn_k.weight", type, new long[] {n, kv}, zeros);
            w.addTensor(p + "attn_v.weight", type, new long[] {n, kv}, zeros);
            w.addTensor(p + "attn_output.weight", type, new long[] {n, n}, zeros);
            w.addTensor(p + "ffn_norm.weight", GgmlType.F32, new long[] {n}, RandomLlamaGenerator::ones);
            w.addTensor(p + "ffn_gate.weight", type, new long[] {n, ff}, zeros);
            w.addTensor(p + "ffn_up.weight", type, new long[] {n, ff}, zeros);
            w.addTensor(p + "ffn_down.weight", type, new long[] {ff, n}, zeros);
        }
    }

    private static void embeddingRow(long token, float[] row) {
        SplittableRandom random = new SplittableRandom(0x5EED_0000L + token);
        row[0] = PRINTABLE_CHANNEL;
        for (int i = 1; i < row.length; i++) {
            row[i] = (float) random.nextGaussian(0, EMBEDDING_NOISE);
        }
    }

    private static double widthScale(LlamaModelSpec spec) {
        return Math.sqrt(REFERENCE_EMBEDDING / spec.embedding());
    }

    private static TensorRows outputRows(LlamaVocab vocab, double sd) {
        return (token, row) -> {
            SplittableRandom random = new SplittableRandom(0x0_0770_0000L + token);
            row[0] = vocab.isGeneratable((int) token) ? PRINTABLE_LOGIT_WEIGHT : -PRINTABLE_LOGIT_WEIGHT;
            for (int i = 1; i < row.length; i++) {
                row[i] = (float) random.nextGaussian(0, sd);
            }
        };
    }

    private static TensorRows noise(long seed, double sd) {
        return (rowIndex, row) -> {
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + rowIndex);
            for (int i = 0; i < row.length; i++) {
                row[i] = (float) random.nextGaussian(0, sd);
            }
        };
    }

    private static void ones(long rowIndex, float[] row) {
        java.util.Arrays.fill(row, 1.0f);
    }
}
