package dev.rbee.engine.gguf;

/**
 * Shape of a generated llama-architecture model. Dimensions follow llama.cpp's names: {@code embedding} is n_embd,
 * {@code feedForward} is n_ff, {@code heads}/{@code kvHeads} are attention heads (grouped-query when fewer kv heads).
 */
public record LlamaModelSpec(String name, int embedding, int layers, int heads, int kvHeads, int feedForward,
                             int contextLength, GgmlType tensorType, long seed) {

    public LlamaModelSpec {
        if (embedding % heads != 0 || heads % kvHeads != 0) {
            throw new IllegalArgumentException("embedding must divide into heads, heads into kv heads");
        }
    }

    /** The model behind {@code demo:tiny}: about half a megabyte, loads and generates in milliseconds. */
    public static LlamaModelSpec demoTiny() {
        return new LlamaModelSpec("rbee demo:tiny (random weights)", 64, 4, 4, 4, 128, 2048, GgmlType.F32, 7L);
    }

    public int headDimension() {
        return embedding / heads;
    }

    public int kvEmbedding() {
        return headDimension() * kvHeads;
    }
}
