package dev.rbee.engine.gguf;

import java.util.List;
import java.util.OptionalLong;

/**
 * One tensor descriptor of a GGUF file.
 *
 * @param name   tensor name ({@code blk.0.attn_q.weight})
 * @param dims   shape in ggml order, innermost (row) dimension first
 * @param typeId ggml type id; see {@link #type()}
 * @param offset byte offset of the data, relative to the start of the file's data section
 */
public record GgufTensor(String name, List<Long> dims, int typeId, long offset) {

    public GgufTensor {
        dims = List.copyOf(dims);
    }

    public GgmlTypeTraits type() {
        return GgmlTypeTraits.of(typeId);
    }

    /** Type name as llama.cpp prints it ({@code Q4_0}, {@code F32}, ...). */
    public String typeName() {
        return type().name();
    }

    /** Number of values; the reader has checked that it does not overflow. */
    public long elementCount() {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        return n;
    }

    /** Bytes of data in the file, or empty when the type's block layout is unknown to us. */
    public OptionalLong byteSize() {
        return type().byteSize(elementCount());
    }

    /**
     * True for 2-D {@code .weight} tensors: the matrices whose type decides a model's quantization (norms and biases
     * stay F32 in every quantized model, so counting them would call every small model "F32").
     */
    public boolean isMatrixWeight() {
        return dims.size() == 2 && name.endsWith(".weight");
    }
}
