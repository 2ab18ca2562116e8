package dev.rbee.engine.gguf;

/**
 * Shape of a generated llama-architecture model. Dimensions follow llama.cpp's names: {@code embedding} is n_embd,
 * {@code feedForward} is n_ff, {@code heads}/{@code kvHeads} are attention heads (grouped-query when fewer kv heads).
 * {@code vocabSize} picks the vocabulary through {@link LlamaVocab#ofSize(int)}.
 */
public record LlamaModelSpec(String name, int embedding, int layers, int heads, int kvHeads, int feedForward,
                             int contextLength, GgmlType tensorType, long seed, int vocabSize) {

    public LlamaModelSpec {
        if (embedding % heads != 0 || heads % kvHeads != 0) {
            throw new IllegalArgumentException("embedding must divide into heads, heads into kv heads");
        }
        if (vocabSize < ByteLevelVocab.SIZE) {
            throw new IllegalArgumentException("vocabulary needs at least " + ByteLevelVocab.SIZE + " tokens");
        }
    }

    /** A model with the small byte-level vocabulary, as all specs had before vocabularies became configurable. */
    public LlamaModelSpec(String name, int embedding, int layers, int heads, int kvHeads, int feedForward,
                          int contextLength, GgmlType tensorType, long seed) {
        this(name, embedding, layers, heads, kvHeads, feedForward, contextLength, tensorType, seed,
                ByteLevelVocab.SIZE);
    }

    /** The model behind {@code demo:tiny}: about half a megabyte, loads and generates in milliseconds. */
    public static LlamaModelSpec demoTiny() {
        return new LlamaModelSpec("rbee demo:tiny (random weights)", 64, 4, 4, 4, 128, 2048, GgmlType.F32, 7L);
    }

    /**
     * The shape of TinyLlama-1.1B (n_embd 2048, 22 layers, 32 heads, 4 kv heads, n_ff 5632, context 2048, 32000
     * tokens) with random weights: for benchmarks that need a real model's compute and memory traffic. About 0.6 GB
     * in Q4_0 and 1.2 GB in Q8_0; too big for unit tests.
     */
    public static LlamaModelSpec tinyLlamaShape(GgmlType type) {
        return new LlamaModelSpec("rbee TinyLlama-1.1B-shaped (random weights)", 2048, 22, 32, 4, 5632, 2048, type,
                11L, 32_000);
    }

    public int headDimension() {
        return embedding / heads;
    }

    public int kvEmbedding() {
        return headDimension() * kvHeads;
    }

    /** Parameters the generator writes: embeddings, output, final norm and per layer attention, FFN and norms. */
    public long parameterCount() {
        long n = embedding;
        long perLayer = 2 * n * n + 2 * n * kvEmbedding() + 3 * n * feedForward + 2 * n;
        return 2 * n * vocabSize + n + layers * perLayer;
    }
}
