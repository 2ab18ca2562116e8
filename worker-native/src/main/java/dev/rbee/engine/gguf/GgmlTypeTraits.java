package dev.rbee.engine.gguf;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Name and storage size of every ggml tensor type a GGUF file may declare (ggml's {@code ggml_type}), so a reader can
 * check that a tensor's bytes lie inside the file without knowing how to decode them. Types whose block layout we do
 * not know (newer than this table) keep their id and report no size; their bounds are then not checked.
 *
 * @param id            ggml's type id as stored in the tensor descriptor
 * @param name          ggml's name for it ({@code Q4_K}, {@code IQ2_XS}, ...)
 * @param blockSize     elements per block (1 for plain number types); 0 when unknown
 * @param bytesPerBlock bytes one block takes; 0 when unknown
 */
public record GgmlTypeTraits(int id, String name, int blockSize, int bytesPerBlock) {

    /** Ids above this cannot come from any ggml release we know of; a larger value means a corrupt descriptor. */
    static final int MAX_PLAUSIBLE_ID = 127;

    private static final int QK_K = 256;

    // Sizes are ggml-common.h's static_asserts (block_q4_K == 144 etc.); ids 4, 5, 31-33 and 36-38 were removed.
    private static final Map<Integer, GgmlTypeTraits> KNOWN = List.of(
            new GgmlTypeTraits(0, "F32", 1, 4),
            new GgmlTypeTraits(1, "F16", 1, 2),
            new GgmlTypeTraits(2, "Q4_0", 32, 18),
            new GgmlTypeTraits(3, "Q4_1", 32, 20),
            new GgmlTypeTraits(6, "Q5_0", 32, 22),
            new GgmlTypeTraits(7, "Q5_1", 32, 24),
            new GgmlTypeTraits(8, "Q8_0", 32, 34),
            new GgmlTypeTraits(9, "Q8_1", 32, 36),
            new GgmlTypeTraits(10, "Q2_K", QK_K, 84),
            new GgmlTypeTraits(11, "Q3_K", QK_K, 110),
            new GgmlTypeTraits(12, "Q4_K", QK_K, 144),
            new GgmlTypeTraits(13, "Q5_K", QK_K, 176),
            new GgmlTypeTraits(14, "Q6_K", QK_K, 210),
            new GgmlTypeTraits(15, "Q8_K", QK_K, 292),
            new GgmlTypeTraits(16, "IQ2_XXS", QK_K, 66),
            new GgmlTypeTraits(17, "IQ2_XS", QK_K, 74),
            new GgmlTypeTraits(18, "IQ3_XXS", QK_K, 98),
            new GgmlTypeTraits(19, "IQ1_S", QK_K, 50),
            new GgmlTypeTraits(20, "IQ4_NL", 32, 18),
            new GgmlTypeTraits(21, "IQ3_S", QK_K, 110),
            new GgmlTypeTraits(22, "IQ2_S", QK_K, 82),
            new GgmlTypeTraits(23, "IQ4_XS", QK_K, 136),
            new GgmlTypeTraits(24, "I8", 1, 1),
            new GgmlTypeTraits(25, "I16", 1, 2),
            new GgmlTypeTraits(26, "I32", 1, 4),
            new GgmlTypeTraits(27, "I64", 1, 8),
            new GgmlTypeTraits(28, "F64", 1, 8),
            new GgmlTypeTraits(29, "IQ1_M", QK_K, 56),
            new GgmlTypeTraits(30, "BF16", 1, 2),
            new GgmlTypeTraits(34, "TQ1_0", QK_K, 54),
            new GgmlTypeTraits(35, "TQ2_0", QK_K, 66),
            new GgmlTypeTraits(39, "MXFP4", 32, 17),
            // Newer than the llama.cpp we bundle; named so catalogs can show them, sizes left unknown on purpose.
            new GgmlTypeTraits(40, "NVFP4", 0, 0),
            new GgmlTypeTraits(41, "Q1_0", 0, 0)
    ).stream().collect(Collectors.toUnmodifiableMap(GgmlTypeTraits::id, Function.identity()));

    /** The traits of a type id; an id missing from the table gets the name {@code type<id>} and no known size. */
    public static GgmlTypeTraits of(int id) {
        GgmlTypeTraits known = KNOWN.get(id);
        return known != null ? known : new GgmlTypeTraits(id, "type" + id, 0, 0);
    }

    public boolean sizeKnown() {
        return blockSize > 0 && bytesPerBlock > 0;
    }

    /**
     * Bytes that {@code elements} values of this type take, saturating at {@code Long.MAX_VALUE} so that an absurd
     * shape still compares as "past the end of the file"; empty when the type's size is unknown. The caller has
     * checked that rows are whole blocks.
     */
    public OptionalLong byteSize(long elements) {
        if (!sizeKnown()) {
            return OptionalLong.empty();
        }
        long blocks = elements / blockSize;
        return blocks > Long.MAX_VALUE / bytesPerBlock ? OptionalLong.of(Long.MAX_VALUE)
                : OptionalLong.of(blocks * bytesPerBlock);
    }
}
