package dev.rbee.engine.gguf;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Little-endian reads that track the position and check every read against the file size first, so a truncated file
 * gives a message that says where it ends instead of an {@link java.io.EOFException} from deep inside a parse.
 */
final class GgufInput {
    private final DataInputStream in;
    private final long fileSize;
    private long position;

    GgufInput(DataInputStream in, long fileSize) {
        this.in = in;
        this.fileSize = fileSize;
    }

    long position() {
        return position;
    }

    long fileSize() {
        return fileSize;
    }

    /** Fails unless {@code bytes} more bytes exist; {@code what} names the item for the message. */
    void require(long bytes, String what) throws GgufFormatException {
        if (bytes > fileSize - position) {
            throw new GgufFormatException("GGUF file is truncated: " + what + " at byte " + position + " needs "
                    + bytes + " bytes, but the file ends at byte " + fileSize);
        }
    }

    /** A count read from the file cannot promise more items than the remaining bytes can hold. */
    long count(long n, int minBytesEach, String what) throws GgufFormatException {
        if (n < 0 || n > (fileSize - position) / minBytesEach) {
            throw new GgufFormatException("corrupt GGUF file: " + what + " " + Long.toUnsignedString(n)
                    + " at byte " + position + " cannot fit in the " + (fileSize - position) + " bytes left of "
                    + fileSize);
        }
        return n;
    }

    int u8(String what) throws IOException, GgufFormatException {
        require(1, what);
        position += 1;
        return in.readUnsignedByte();
    }

    int u16(String what) throws IOException, GgufFormatException {
        require(2, what);
        position += 2;
        return Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
    }

    int u32(String what) throws IOException, GgufFormatException {
        require(4, what);
        position += 4;
        return Integer.reverseBytes(in.readInt());
    }

    long u64(String what) throws IOException, GgufFormatException {
        require(8, what);
        position += 8;
        return Long.reverseBytes(in.readLong());
    }

    /** Length of the string that starts here, checked against the rest of the file. */
    long stringLength(String what) throws IOException, GgufFormatException {
        return count(u64(what + " length"), 1, what + " length");
    }

    String utf8(int length) throws IOException {
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        position += length;
        return new String(bytes, StandardCharsets.UTF_8);
    }

    void skip(long bytes, String what) throws IOException, GgufFormatException {
        require(bytes, what);
        in.skipNBytes(bytes);
        position += bytes;
    }
}
