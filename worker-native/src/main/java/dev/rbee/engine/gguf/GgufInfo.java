package dev.rbee.engine.gguf;

import java.util.Map;
import java.util.Optional;

/** What the header of a GGUF file says about the model. Metadata values are String, Long, Double, Boolean or List. */
public record GgufInfo(int version, long fileSizeBytes, long tensorCount, Map<String, Object> metadata) {

    public String architecture() {
        return string("general.architecture").orElse("unknown");
    }

    /** Number of transformer blocks ({@code <arch>.block_count}), the "layers" of loading progress. */
    public int layers() {
        return (int) number(architecture() + ".block_count").orElse(0L).longValue();
    }

    public Optional<Long> contextLength() {
        return number(architecture() + ".context_length");
    }

    public Optional<String> string(String key) {
        return metadata.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    public Optional<Long> number(String key) {
        return metadata.get(key) instanceof Long l ? Optional.of(l) : Optional.empty();
    }
}
