package dev.rbee.engine.gguf;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the header of a GGUF file (metadata only, not tensor data). Every length is checked against the file size
 * first, so a truncated or corrupt file gives a {@link GgufFormatException} instead of a huge allocation.
 */
public final class GgufReader {
    private static final int MAX_ARRAY_ELEMENTS_KEPT = 64;

    public GgufInfo read(Path file) throws IOException, GgufFormatException {
        long size = Files.size(file);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return new Parser(new DataInputStream(in), size).parse();
        } catch (EOFException e) {
            throw new GgufFormatException("GGUF file is truncated: " + file);
        }
    }

    private static final class Parser {
        private final DataInputStream in;
        private final long fileSize;
        private long position;

        Parser(DataInputStream in, long fileSize) {
            this.in = in;
            this.fileSize = fileSize;
        }

        GgufInfo parse() throws IOException, GgufFormatException {
            if (u32() != GgufWriter.MAGIC) {
                throw new GgufFormatException("not a GGUF file (wrong magic number)");
            }
            int version = u32();
            if (version < 2 || version > 3) {
                throw new GgufFormatException("unsupported GGUF version " + version);
            }
            long tensors = count(u64(), 8);
            long kvCount = count(u64(), 8);
            Map<String, Object> metadata = new LinkedHashMap<>();
            for (long i = 0; i < kvCount; i++) {
                String key = string();
                metadata.put(key, value(GgufValueType.byId(u32())));
            }
            return new GgufInfo(version, fileSize, tensors, Map.copyOf(metadata));
        }

        private Object value(GgufValueType type) throws IOException, GgufFormatException {
            return switch (type) {
                case UINT8 -> (long) u8();
                case INT8 -> (long) (byte) u8();
                case UINT16 -> (long) Short.toUnsignedInt(Short.reverseBytes(read(2).readShort()));
                case INT16 -> (long) Short.reverseBytes(read(2).readShort());
                case UINT32 -> Integer.toUnsignedLong(u32());
                case INT32 -> (long) u32();
                case UINT64, INT64 -> u64();
                case FLOAT32 -> (double) Float.intBitsToFloat(u32());
                case FLOAT64 -> Double.longBitsToDouble(u64());
                case BOOL -> u8() != 0;
                case STRING -> string();
                case ARRAY -> array();
            };
        }

        /** Keeps only the first elements of long arrays (vocabularies): the catalog needs counts, not contents. */
        private Object array() throws IOException, GgufFormatException {
            GgufValueType elementType = GgufValueType.byId(u32());
            long n = count(u64(), 1);
            List<Object> kept = new ArrayList<>();
            for (long i = 0; i < n; i++) {
                Object v = value(elementType);
                if (i < MAX_ARRAY_ELEMENTS_KEPT) {
                    kept.add(v);
                }
            }
            return new GgufArray(n, List.copyOf(kept));
        }

        private String string() throws IOException, GgufFormatException {
            int length = (int) count(u64(), 1);
            byte[] bytes = new byte[length];
            in.readFully(bytes);
            position += length;
            return new String(bytes, StandardCharsets.UTF_8);
        }

        /** A count read from the file cannot promise more items than bytes remain. */
        private long count(long n, int minBytesEach) throws GgufFormatException {
            if (n < 0 || n > (fileSize - position) / minBytesEach) {
                throw new GgufFormatException("corrupt GGUF header: count " + Long.toUnsignedString(n)
                        + " at byte " + position + " exceeds the file size " + fileSize);
            }
            return n;
        }

        private DataInputStream read(int bytes) {
            position += bytes;
            return in;
        }

        private int u8() throws IOException {
            return read(1).readUnsignedByte();
        }

        private int u32() throws IOException {
            return Integer.reverseBytes(read(4).readInt());
        }

        private long u64() throws IOException {
            return Long.reverseBytes(read(8).readLong());
        }
    }
}
