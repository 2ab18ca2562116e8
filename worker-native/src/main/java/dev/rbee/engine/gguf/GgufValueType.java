package dev.rbee.engine.gguf;

/** Metadata value types of the GGUF format (version 3), with the bytes a value of each fixed-size type takes. */
enum GgufValueType {
    UINT8(0, 1), INT8(1, 1), UINT16(2, 2), INT16(3, 2), UINT32(4, 4), INT32(5, 4), FLOAT32(6, 4), BOOL(7, 1),
    STRING(8, 0), ARRAY(9, 0), UINT64(10, 8), INT64(11, 8), FLOAT64(12, 8);

    final int id;
    /** Bytes of one value; 0 for the variable-length string and array. */
    final int fixedSize;

    GgufValueType(int id, int fixedSize) {
        this.id = id;
        this.fixedSize = fixedSize;
    }

    /** The fewest bytes a value of this type can take: what a count of such values is checked against. */
    int minimumSize() {
        return switch (this) {
            case STRING -> 8; // the length
            case ARRAY -> 12; // element type and length
            default -> fixedSize;
        };
    }

    static GgufValueType byId(int id, long position) throws GgufFormatException {
        for (GgufValueType t : values()) {
            if (t.id == id) {
                return t;
            }
        }
        throw new GgufFormatException("corrupt GGUF metadata: unknown value type " + Integer.toUnsignedString(id)
                + " at byte " + position);
    }
}
