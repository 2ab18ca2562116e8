package dev.rbee.engine.gguf;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the header of a GGUF file says about the model. Metadata values are Long (all integer types), Double, Boolean,
 * String or {@link GgufArray}.
 *
 * @param version       GGUF version (2 or 3)
 * @param fileSizeBytes size of the file on disk, the number preflight and the catalog use
 * @param metadata      key/value metadata in file order
 * @param tensors       tensor descriptors in file order
 * @param dataOffset    byte offset of the data section (tensor offsets are relative to it)
 */
public record GgufInfo(int version, long fileSizeBytes, Map<String, Object> metadata, List<GgufTensor> tensors,
                       long dataOffset) {

    public GgufInfo {
        metadata = Map.copyOf(metadata);
        tensors = List.copyOf(tensors);
    }

    public long tensorCount() {
        return tensors.size();
    }

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

    /** {@code <arch>.vocab_size} when present (llama.cpp trusts it), else the length of the token list. */
    public Optional<Long> vocabSize() {
        return number(architecture() + ".vocab_size")
                .or(() -> metadata.get("tokenizer.ggml.tokens") instanceof GgufArray a
                        ? Optional.of(a.length()) : Optional.empty());
    }

    public Optional<Long> bosTokenId() {
        return number("tokenizer.ggml.bos_token_id");
    }

    public Optional<Long> eosTokenId() {
        return number("tokenizer.ggml.eos_token_id");
    }

    /** Sum of all tensors' element counts, i.e. the model's parameter count. */
    public long parameterCount() {
        return tensors.stream().mapToLong(GgufTensor::elementCount).sum();
    }

    /** Bytes of tensor data whose size we know; tensors of unknown types count 0. */
    public long tensorDataBytes() {
        return tensors.stream().mapToLong(t -> t.byteSize().orElse(0)).sum();
    }

    /** The file type named by {@code general.file_type} ({@code Q4_K_M}), when present and known. */
    public Optional<String> fileType() {
        return number("general.file_type").flatMap(LlamaFileType::name);
    }

    /**
     * The ggml type most matrix weights use (ties go to the type holding more values); all tensors count when the
     * file has no 2-D weights. Empty only for a file without tensors.
     */
    public Optional<String> dominantTensorType() {
        List<GgufTensor> candidates = tensors.stream().filter(GgufTensor::isMatrixWeight).toList();
        if (candidates.isEmpty()) {
            candidates = tensors;
        }
        Map<Integer, List<GgufTensor>> byType = candidates.stream()
                .collect(Collectors.groupingBy(GgufTensor::typeId));
        Comparator<List<GgufTensor>> order = Comparator.<List<GgufTensor>>comparingInt(List::size)
                .thenComparingLong(ts -> ts.stream().mapToLong(GgufTensor::elementCount).sum());
        return byType.values().stream().max(order).map(ts -> ts.getFirst().typeName());
    }

    /** The model's quantization for catalogs and logs: the declared file type, else the dominant tensor type. */
    public String quantization() {
        return fileType().or(this::dominantTensorType).orElse("unknown");
    }

    /** How many of each ggml type the tensors use, by type name. */
    public Map<String, Long> tensorTypeCounts() {
        return tensors.stream().collect(Collectors.groupingBy(GgufTensor::typeName, Collectors.counting()));
    }

    /** Number of files the model is split into ({@code split.count} of llama.cpp's gguf-split); 1 when not split. */
    public int splitCount() {
        return Math.clamp(number("split.count").orElse(1L), 1, Integer.MAX_VALUE);
    }

    /** A part of a split model: llama.cpp needs all parts, and rbee loads single files only. */
    public boolean isSplit() {
        return splitCount() > 1;
    }

    public Optional<GgufTensor> tensor(String name) {
        return tensors.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public Optional<String> string(String key) {
        return metadata.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    public Optional<Long> number(String key) {
        return metadata.get(key) instanceof Long l ? Optional.of(l) : Optional.empty();
    }
}
