package dev.rbee.engine.gguf;

import java.util.List;

/** A metadata array: its full length and (for long arrays) only its first elements. */
public record GgufArray(long length, List<Object> head) {
}
