package dev.rbee.engine.gguf;

/**
 * Produces a tensor's values one row at a time (a row is {@code shape[0]} values), so that a writer can stream
 * models far larger than the heap.
 */
@FunctionalInterface
public interface TensorRows {
    void fillRow(long rowIndex, float[] row);
}
