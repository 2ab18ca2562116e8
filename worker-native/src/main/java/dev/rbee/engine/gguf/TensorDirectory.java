package dev.rbee.engine.gguf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads the tensor descriptors that follow the metadata and checks them the way llama.cpp's loader does (at most four
 * dimensions, rows of whole blocks, aligned offsets, unique names), plus the one check a loader that maps the file
 * would only notice later: that every tensor's data lies inside the file.
 */
final class TensorDirectory {
    /** Name length, dimension count, type and offset: a descriptor with an empty name and no dimensions. */
    static final int MIN_DESCRIPTOR_BYTES = 8 + 4 + 4 + 8;
    /** Large mixture-of-experts models have a few thousand tensors; the cap bounds memory whatever the file claims. */
    static final long MAX_TENSORS = 1L << 18;
    private static final int MAX_DIMS = 4; // GGML_MAX_DIMS

    /** Reads a string the reader keeps, charged against the header's string budget. */
    @FunctionalInterface
    interface StringSource {
        String read(String what) throws IOException, GgufFormatException;
    }

    private final GgufInput in;
    private final long alignment;
    private final StringSource strings;

    TensorDirectory(GgufInput in, long alignment, StringSource strings) {
        this.in = in;
        this.alignment = alignment;
        this.strings = strings;
    }

    List<GgufTensor> read(long count) throws IOException, GgufFormatException {
        if (count > MAX_TENSORS) {
            throw new GgufFormatException("corrupt GGUF header: " + count + " tensors (rbee reads at most "
                    + MAX_TENSORS + ")");
        }
        List<GgufTensor> tensors = new ArrayList<>((int) count);
        Set<String> names = new HashSet<>();
        for (long i = 0; i < count; i++) {
            GgufTensor t = descriptor(i);
            if (!names.add(t.name())) {
                throw new GgufFormatException("corrupt GGUF file: tensor '" + t.name() + "' is listed twice");
            }
            tensors.add(t);
        }
        return List.copyOf(tensors);
    }

    private GgufTensor descriptor(long index) throws IOException, GgufFormatException {
        String name = strings.read("name of tensor " + index);
        long dimCount = Integer.toUnsignedLong(in.u32("dimension count of tensor '" + name + "'"));
        if (dimCount > MAX_DIMS) {
            throw new GgufFormatException("corrupt GGUF file: tensor '" + name + "' has " + dimCount
                    + " dimensions (at most " + MAX_DIMS + ")");
        }
        List<Long> dims = new ArrayList<>();
        for (int d = 0; d < dimCount; d++) {
            dims.add(in.u64("dimension " + d + " of tensor '" + name + "'"));
        }
        checkElementCount(name, dims);
        int typeId = in.u32("type of tensor '" + name + "'");
        checkType(name, typeId, dims);
        long offset = in.u64("offset of tensor '" + name + "'");
        if (Long.remainderUnsigned(offset, alignment) != 0) {
            throw new GgufFormatException("corrupt GGUF file: tensor '" + name + "' has offset "
                    + Long.toUnsignedString(offset) + ", not a multiple of the alignment " + alignment);
        }
        return new GgufTensor(name, dims, typeId, offset);
    }

    /** Negative dimensions or a product past 2^63 cannot be a real tensor and would break every size computed later. */
    private static void checkElementCount(String name, List<Long> dims) throws GgufFormatException {
        long n = 1;
        for (long d : dims) {
            if (d < 0 || (d > 0 && n > Long.MAX_VALUE / d)) {
                throw new GgufFormatException("corrupt GGUF file: tensor '" + name + "' has impossible dimensions "
                        + dims.stream().map(Long::toUnsignedString).toList());
            }
            n *= d;
        }
    }

    private static void checkType(String name, int typeId, List<Long> dims) throws GgufFormatException {
        if (typeId < 0 || typeId > GgmlTypeTraits.MAX_PLAUSIBLE_ID) {
            throw new GgufFormatException("corrupt GGUF file: tensor '" + name + "' has unknown ggml type "
                    + Integer.toUnsignedString(typeId));
        }
        GgmlTypeTraits type = GgmlTypeTraits.of(typeId);
        long rowLength = dims.isEmpty() ? 1 : dims.getFirst();
        if (type.sizeKnown() && rowLength % type.blockSize() != 0) {
            throw new GgufFormatException("corrupt GGUF file: tensor '" + name + "' of type " + type.name()
                    + " has rows of " + rowLength + " values, not a multiple of the block size " + type.blockSize());
        }
    }

    /**
     * The data section starts at the next alignment boundary after the descriptors. Returns its offset after checking
     * that each tensor of known size ends inside the file, and that the others at least start inside it.
     */
    long checkDataInsideFile(List<GgufTensor> tensors) throws GgufFormatException {
        long fileSize = in.fileSize();
        long dataOffset = alignUp(in.position());
        if (!tensors.isEmpty() && dataOffset > fileSize) {
            throw new GgufFormatException("GGUF file is truncated: its tensor data would start at byte " + dataOffset
                    + ", but the file ends at byte " + fileSize);
        }
        long room = Math.max(0, fileSize - dataOffset);
        for (GgufTensor t : tensors) {
            OptionalLong size = t.byteSize();
            if (Long.compareUnsigned(t.offset(), room) > 0
                    || (size.isPresent() && size.getAsLong() > room - t.offset())) {
                throw new GgufFormatException("GGUF file is truncated or corrupt: tensor '" + t.name() + "' ("
                        + t.typeName() + ", " + (size.isPresent() ? size.getAsLong() + " bytes" : "size unknown")
                        + " at data offset " + Long.toUnsignedString(t.offset()) + ") ends past the end of the file ("
                        + fileSize + " bytes, data section from byte " + dataOffset + ")");
            }
        }
        return dataOffset;
    }

    private long alignUp(long position) {
        long rem = position % alignment;
        return rem == 0 ? position : position + (alignment - rem);
    }
}
