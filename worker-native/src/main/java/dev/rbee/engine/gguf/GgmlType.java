package dev.rbee.engine.gguf;

/** Tensor storage types of ggml that rbee can write; ids are ggml's {@code ggml_type} values. */
public enum GgmlType {
    F32(0, 1, 4),
    F16(1, 1, 2),
    Q4_0(2, 32, 18),
    Q8_0(8, 32, 34),
    Q4_K(12, 256, 144),
    Q5_K(13, 256, 176),
    Q6_K(14, 256, 210);

    private final int id;
    private final int blockSize;
    private final int bytesPerBlock;

    GgmlType(int id, int blockSize, int bytesPerBlock) {
        this.id = id;
        this.blockSize = blockSize;
        this.bytesPerBlock = bytesPerBlock;
    }

    public int id() {
        return id;
    }

    public int blockSize() {
        return blockSize;
    }

    /** Bytes one row of {@code elements} values takes; rows of quantized types must be whole blocks. */
    public long rowBytes(long elements) {
        if (elements % blockSize != 0) {
            throw new IllegalArgumentException(name() + " rows need a multiple of " + blockSize + " elements, got " + elements);
        }
        return elements / blockSize * bytesPerBlock;
    }

    /**
     * The type of {@code output.weight} in a file mostly of this type: llama-quantize's K-quant mixes keep the
     * output projection in Q6_K (it matters most for the logits); the other types keep one type throughout.
     */
    public GgmlType outputType() {
        return this == Q4_K || this == Q5_K ? Q6_K : this;
    }

    /** The {@code general.file_type} value llama.cpp expects for a model stored mostly in this type. */
    public int fileType() {
        return switch (this) {
            case F32 -> 0;
            case F16 -> 1;
            case Q4_0 -> 2;
            case Q8_0 -> 7;
            case Q4_K -> 15; // Q4_K_M: llama-quantize's "medium" mix, see RandomLlamaGenerator#outputType
            case Q5_K -> 17; // Q5_K_M
            case Q6_K -> 18;
        };
    }
}
