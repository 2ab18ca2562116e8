package dev.rbee.engine.gguf;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which GGUF files the engine can load, decided from the header before any worker starts (the hive's
 * {@code MODEL_INCOMPATIBLE} preflight, scenario S058). Unknown architectures are refused rather than tried: a failed
 * load costs a worker start and gives the user a worse message.
 */
public final class ArchitectureSupport {
    /**
     * Architectures the llama.cpp inside de.kherud:llama 4.2.0 builds a graph for (its {@code llm_build_*} classes)
     * and that are plain decoder-only text models used with GGUF. Kept short on purpose: adding a name is cheap once
     * someone has loaded such a model; a wrong name here means a confusing native failure. Mistral and Mixtral GGUFs
     * declare {@code llama}; that llama.cpp has no separate {@code mistral} architecture, nor {@code mamba}.
     */
    private static final List<String> LLAMA_CPP = List.of(
            "llama", "qwen2", "qwen2moe", "phi2", "phi3", "gemma", "gemma2", "gemma3", "starcoder2", "stablelm",
            "falcon", "gpt2", "olmo2", "command-r", "deepseek2", "internlm2");

    private final Set<String> architectures;

    public ArchitectureSupport(Collection<String> architectures) {
        this.architectures = Set.copyOf(architectures);
    }

    /** The architectures the default llama.cpp engine loads. */
    public static ArchitectureSupport llamaCpp() {
        return new ArchitectureSupport(LLAMA_CPP);
    }

    public boolean supports(String architecture) {
        return architectures.contains(architecture);
    }

    /** Sorted, for messages and {@code /v1/backends/list}-style listings. */
    public List<String> supported() {
        return List.copyOf(new TreeSet<>(architectures));
    }

    /**
     * Why the engine cannot load this model, in words for {@code MODEL_INCOMPATIBLE}'s reason
     * ({@code architecture 'mamba' is not supported (supported: gemma, ...)}); empty when it can.
     */
    public Optional<String> incompatibility(GgufInfo info) {
        if (info.isSplit()) {
            return Optional.of(splitReason(info.splitCount()));
        }
        if (!supports(info.architecture())) {
            return Optional.of("architecture '" + info.architecture() + "' is not supported (supported: "
                    + String.join(", ", supported()) + ")");
        }
        return Optional.empty();
    }

    /** As {@link #incompatibility(GgufInfo)}, also refusing a file named like a part of a split model. */
    public Optional<String> incompatibility(GgufInfo info, Path file) {
        Optional<GgufSplitName> split = GgufSplitName.parse(String.valueOf(file.getFileName()));
        if (split.isPresent()) {
            return Optional.of(splitReason(split.get().count()));
        }
        return incompatibility(info);
    }

    private static String splitReason(int parts) {
        return "the model is split into " + parts + " GGUF files; rbee loads single-file models"
                + " (merge the parts with llama-gguf-split --merge)";
    }
}
