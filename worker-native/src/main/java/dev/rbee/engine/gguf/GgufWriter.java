package dev.rbee.engine.gguf;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes GGUF version 3 files: metadata key/values, tensor descriptors, then the aligned tensor data. The file is
 * written next to the target and moved into place, so a reader never sees a half-written model.
 */
public final class GgufWriter {
    static final int MAGIC = 0x46554747; // "GGUF" little-endian
    static final int VERSION = 3;
    static final int ALIGNMENT = 32;

    private final List<MetadataEntry> metadata = new ArrayList<>();
    private final List<TensorSpec> tensors = new ArrayList<>();

    private record MetadataEntry(String key, GgufValueType type, GgufValueType elementType, Object value) {
    }

    private record TensorSpec(String name, GgmlType type, long[] shape, TensorRows source) {
        long rowCount() {
            long n = 1;
            for (int i = 1; i < shape.length; i++) {
                n *= shape[i];
            }
            return n;
        }

        long byteSize() {
            return type.rowBytes(shape[0]) * rowCount();
        }
    }

    public GgufWriter putString(String key, String value) {
        return put(key, GgufValueType.STRING, null, value);
    }

    public GgufWriter putUInt32(String key, int value) {
        return put(key, GgufValueType.UINT32, null, value);
    }

    public GgufWriter putFloat32(String key, float value) {
        return put(key, GgufValueType.FLOAT32, null, value);
    }

    public GgufWriter putBool(String key, boolean value) {
        return put(key, GgufValueType.BOOL, null, value);
    }

    public GgufWriter putStringArray(String key, List<String> values) {
        return put(key, GgufValueType.ARRAY, GgufValueType.STRING, List.copyOf(values));
    }

    public GgufWriter putFloat32Array(String key, float[] values) {
        return put(key, GgufValueType.ARRAY, GgufValueType.FLOAT32, values.clone());
    }

    public GgufWriter putInt32Array(String key, int[] values) {
        return put(key, GgufValueType.ARRAY, GgufValueType.INT32, values.clone());
    }

    private GgufWriter put(String key, GgufValueType type, GgufValueType elementType, Object value) {
        metadata.add(new MetadataEntry(key, type, elementType, value));
        return this;
    }

    /** Adds a tensor; {@code shape} is in ggml order (innermost dimension first). */
    public GgufWriter addTensor(String name, GgmlType type, long[] shape, TensorRows rows) {
        tensors.add(new TensorSpec(name, type, shape.clone(), rows));
        return this;
    }

    public void writeTo(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, target.getFileName().toString(), ".writing");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            LittleEndianOut le = new LittleEndianOut(out);
            writeHeader(le);
            writeData(le);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void writeHeader(LittleEndianOut le) throws IOException {
        le.u32(MAGIC);
        le.u32(VERSION);
        le.u64(tensors.size());
        le.u64(metadata.size());
        for (MetadataEntry e : metadata) {
            le.string(e.key());
            le.u32(e.type().id);
            if (e.type() == GgufValueType.ARRAY) {
                writeArray(le, e.elementType(), e.value());
            } else {
                writeScalar(le, e.type(), e.value());
            }
        }
        long offset = 0;
        for (TensorSpec t : tensors) {
            le.string(t.name());
            le.u32(t.shape().length);
            for (long dim : t.shape()) {
                le.u64(dim);
            }
            le.u32(t.type().id());
            le.u64(offset);
            offset = align(offset + t.byteSize());
        }
        le.padTo(ALIGNMENT);
    }

    private void writeData(LittleEndianOut le) throws IOException {
        for (TensorSpec t : tensors) {
            int rowLength = (int) t.shape()[0];
            float[] row = new float[rowLength];
            ByteBuffer encoded = ByteBuffer.allocate((int) t.type().rowBytes(rowLength)).order(ByteOrder.LITTLE_ENDIAN);
            for (long r = 0; r < t.rowCount(); r++) {
                t.source().fillRow(r, row);
                encoded.clear();
                Quantizer.encodeRow(t.type(), row, encoded);
                le.bytes(encoded.array(), encoded.position());
            }
            le.padTo(ALIGNMENT);
        }
    }

    private static void writeScalar(LittleEndianOut le, GgufValueType type, Object value) throws IOException {
        switch (type) {
            case STRING -> le.string((String) value);
            case UINT32, INT32 -> le.u32((Integer) value);
            case FLOAT32 -> le.f32((Float) value);
            case BOOL -> le.u8((Boolean) value ? 1 : 0);
            default -> throw new IllegalArgumentException("unsupported scalar type " + type);
        }
    }

    private static void writeArray(LittleEndianOut le, GgufValueType elementType, Object value) throws IOException {
        le.u32(elementType.id);
        switch (elementType) {
            case STRING -> {
                @SuppressWarnings("unchecked")
                List<String> strings = (List<String>) value;
                le.u64(strings.size());
                for (String s : strings) {
                    le.string(s);
                }
            }
            case FLOAT32 -> {
                float[] floats = (float[]) value;
                le.u64(floats.length);
                for (float f : floats) {
                    le.f32(f);
                }
            }
            case INT32 -> {
                int[] ints = (int[]) value;
                le.u64(ints.length);
                for (int i : ints) {
                    le.u32(i);
                }
            }
            default -> throw new IllegalArgumentException("unsupported array type " + elementType);
        }
    }

    static long align(long offset) {
        return (offset + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }

    /** Counts bytes so padding can be computed without seeking. */
    private static final class LittleEndianOut {
        private final OutputStream out;
        private final ByteBuffer scratch = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        private long written;

        LittleEndianOut(OutputStream out) {
            this.out = out;
        }

        void u8(int v) throws IOException {
            out.write(v);
            written++;
        }

        void u32(int v) throws IOException {
            scratch.clear();
            bytes(scratch.putInt(v).array(), 4);
        }

        void u64(long v) throws IOException {
            scratch.clear();
            bytes(scratch.putLong(v).array(), 8);
        }

        void f32(float v) throws IOException {
            scratch.clear();
            bytes(scratch.putFloat(v).array(), 4);
        }

        void string(String s) throws IOException {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            u64(utf8.length);
            bytes(utf8, utf8.length);
        }

        void bytes(byte[] b, int length) throws IOException {
            out.write(b, 0, length);
            written += length;
        }

        void padTo(int alignment) throws IOException {
            while (written % alignment != 0) {
                u8(0);
            }
        }
    }
}
