package dev.rbee.engine.gguf;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the header of a GGUF file: metadata and tensor descriptors, not the tensor data. Every count and length is
 * checked against the file size before it is used, every tensor's data must lie inside the file, and what the reader
 * keeps in memory is bounded whatever the file claims, so a truncated, corrupt or hostile file gives a
 * {@link GgufFormatException} instead of a huge allocation or another exception type.
 */
public final class GgufReader {
    static final int MAX_ARRAY_ELEMENTS_KEPT = 64;
    /** Real models have a few dozen keys; the cap bounds the map whatever the header claims. */
    static final long MAX_METADATA_ENTRIES = 65_536;
    /** Bytes of strings the reader keeps (keys, values, array heads, tensor names); real headers keep under 1 MiB. */
    static final long KEPT_STRING_BUDGET = 64L << 20;
    /** GGUF allows arrays of arrays; deeper nesting than this is corruption, and recursion must stay bounded. */
    private static final int MAX_ARRAY_DEPTH = 4;
    private static final int MIN_ENTRY_BYTES = 8 + 4 + 1; // key length, value type, one byte of value

    public GgufInfo read(Path file) throws IOException, GgufFormatException {
        long size = Files.size(file);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return new Parser(new GgufInput(new DataInputStream(in), size)).parse();
        } catch (EOFException e) {
            // Only reachable when the file shrinks while it is read: every read is checked against the size first.
            throw new GgufFormatException("GGUF file is truncated (it changed while being read): " + file);
        }
    }

    private static final class Parser {
        private final GgufInput in;
        private long keptStringBytes;

        Parser(GgufInput in) {
            this.in = in;
        }

        GgufInfo parse() throws IOException, GgufFormatException {
            int version = header();
            long tensorCount = in.count(in.u64("tensor count"), TensorDirectory.MIN_DESCRIPTOR_BYTES, "tensor count");
            long entries = in.count(in.u64("metadata count"), MIN_ENTRY_BYTES, "metadata count");
            if (entries > MAX_METADATA_ENTRIES) {
                throw new GgufFormatException("corrupt GGUF header: " + entries
                        + " metadata entries (rbee reads at most " + MAX_METADATA_ENTRIES + ")");
            }
            Map<String, Object> metadata = metadata(entries);
            TensorDirectory directory = new TensorDirectory(in, alignment(metadata), this::keptString);
            List<GgufTensor> tensors = directory.read(tensorCount);
            long dataOffset = directory.checkDataInsideFile(tensors);
            return new GgufInfo(version, in.fileSize(), Map.copyOf(metadata), tensors, dataOffset);
        }

        private int header() throws IOException, GgufFormatException {
            if (in.fileSize() < 4 || in.u32("magic") != GgufWriter.MAGIC) {
                throw new GgufFormatException("not a GGUF file (bad magic)");
            }
            int version = in.u32("version");
            if (Integer.reverseBytes(version) == 2 || Integer.reverseBytes(version) == 3) {
                throw new GgufFormatException("big-endian GGUF files are not supported");
            }
            if (version < 2 || version > 3) {
                throw new GgufFormatException("unsupported GGUF version " + Integer.toUnsignedString(version)
                        + " (rbee reads versions 2 and 3)");
            }
            return version;
        }

        private Map<String, Object> metadata(long entries) throws IOException, GgufFormatException {
            Map<String, Object> metadata = new LinkedHashMap<>();
            for (long i = 0; i < entries; i++) {
                long at = in.position();
                String key = keptString("metadata key");
                Object value = value(GgufValueType.byId(in.u32("value type of " + key), in.position() - 4), 0);
                if (metadata.putIfAbsent(key, value) != null) {
                    throw new GgufFormatException("corrupt GGUF metadata: key '" + key + "' appears twice (at byte "
                            + at + ")");
                }
            }
            return metadata;
        }

        /** llama.cpp refuses alignments that are not a power of two; so do we, before using one for offsets. */
        private static long alignment(Map<String, Object> metadata) throws GgufFormatException {
            Object value = metadata.get("general.alignment");
            if (value == null) {
                return GgufWriter.ALIGNMENT;
            }
            if (!(value instanceof Long a) || a <= 0 || Long.bitCount(a) != 1) {
                throw new GgufFormatException("corrupt GGUF metadata: general.alignment " + value
                        + " is not a power of two");
            }
            return a;
        }

        private Object value(GgufValueType type, int depth) throws IOException, GgufFormatException {
            return switch (type) {
                case UINT8 -> (long) in.u8("uint8 value");
                case INT8 -> (long) (byte) in.u8("int8 value");
                case UINT16 -> (long) in.u16("uint16 value");
                case INT16 -> (long) (short) in.u16("int16 value");
                case UINT32 -> Integer.toUnsignedLong(in.u32("uint32 value"));
                case INT32 -> (long) in.u32("int32 value");
                case UINT64, INT64 -> in.u64("64-bit value");
                case FLOAT32 -> (double) Float.intBitsToFloat(in.u32("float32 value"));
                case FLOAT64 -> Double.longBitsToDouble(in.u64("float64 value"));
                case BOOL -> in.u8("bool value") != 0;
                case STRING -> keptString("string value");
                case ARRAY -> array(depth + 1);
            };
        }

        /** Keeps only the first elements of long arrays (vocabularies): the catalog needs counts, not contents. */
        private GgufArray array(int depth) throws IOException, GgufFormatException {
            if (depth > MAX_ARRAY_DEPTH) {
                throw new GgufFormatException("corrupt GGUF metadata: arrays nested deeper than " + MAX_ARRAY_DEPTH
                        + " at byte " + in.position());
            }
            GgufValueType elementType = GgufValueType.byId(in.u32("array element type"), in.position() - 4);
            long n = in.count(in.u64("array length"), elementType.minimumSize(), "array length");
            List<Object> kept = new ArrayList<>();
            for (long i = 0; i < Math.min(n, MAX_ARRAY_ELEMENTS_KEPT); i++) {
                kept.add(value(elementType, depth));
            }
            skipElements(elementType, n - kept.size(), depth);
            return new GgufArray(n, List.copyOf(kept));
        }

        private void skipElements(GgufValueType type, long n, int depth) throws IOException, GgufFormatException {
            if (type.fixedSize > 0) {
                in.skip(n * type.fixedSize, n + " array elements"); // n was checked against the bytes left
                return;
            }
            for (long i = 0; i < n; i++) {
                if (type == GgufValueType.STRING) {
                    in.skip(in.stringLength("array string"), "array string");
                } else {
                    array(depth + 1);
                }
            }
        }

        private String keptString(String what) throws IOException, GgufFormatException {
            long length = in.stringLength(what);
            if (length > KEPT_STRING_BUDGET - keptStringBytes) {
                throw new GgufFormatException("GGUF header too large: " + what + " at byte " + in.position()
                        + " would take the strings rbee keeps past " + (KEPT_STRING_BUDGET >> 20) + " MiB");
            }
            keptStringBytes += length;
            return in.utf8((int) length);
        }
    }
}
