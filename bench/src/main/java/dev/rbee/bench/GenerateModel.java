package dev.rbee.bench;

import dev.rbee.engine.gguf.GgmlType;
import dev.rbee.engine.gguf.LlamaModelSpec;
import dev.rbee.engine.gguf.RandomLlamaGenerator;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a TinyLlama-1.1B-shaped model with random weights: {@code GenerateModel <Q4_0|Q8_0|F16> <file> [layers]}.
 * Fewer layers than its 22 give a smaller file of the same width (Q4_0: 5 layers ≈ 200 MB).
 */
public final class GenerateModel {
    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[1]);
        if (Files.isRegularFile(target)) {
            System.out.println("exists: " + target);
            return;
        }
        long start = System.nanoTime();
        LlamaModelSpec spec = LlamaModelSpec.tinyLlamaShape(GgmlType.valueOf(args[0]));
        if (args.length > 2) {
            spec = new LlamaModelSpec(spec.name() + ", " + args[2] + " layers", spec.embedding(),
                    Integer.parseInt(args[2]), spec.heads(), spec.kvHeads(), spec.feedForward(), spec.contextLength(),
                    spec.tensorType(), spec.seed(), spec.vocabSize());
        }
        new RandomLlamaGenerator().write(spec, target);
        System.out.printf("wrote %s (%d bytes) in %.1f s%n", target, Files.size(target),
                (System.nanoTime() - start) / 1e9);
    }
}
