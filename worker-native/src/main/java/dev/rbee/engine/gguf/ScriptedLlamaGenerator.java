package dev.rbee.engine.gguf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a llama-architecture model whose output is known in advance: whatever the prompt, it generates the given
 * script of tokens, then ends with EOS or starts the script again. Tests use it where random text cannot say
 * anything: EOS, UTF-8 characters split across byte tokens, stop sequences.
 *
 * <p>How: attention and feed-forward weights are zero, so the hidden state is the embedding of the last token. Each
 * script token gets its own basis direction (every other token shares direction 0, the "start" state), and the
 * output projection maps each direction to the next token of the script with a margin no sampler setting overcomes.
 * The forward pass is still a real llama.cpp one.
 */
public final class ScriptedLlamaGenerator {
    private static final int EMBEDDING = 64;
    private static final float MARGIN = 4.0f;

    private final ByteLevelVocab vocab = new ByteLevelVocab();

    /** {@code pieces} are vocabulary pieces such as {@code "<0xC3>"}, {@code "a"} or {@code "▁"}; all distinct. */
    public void write(List<String> pieces, boolean endWithEos, Path target) throws IOException {
        write(pieces, endWithEos, target, java.util.Map.of());
    }

    /** As {@link #write(List, boolean, Path)}, with extra string metadata (e.g. {@code tokenizer.chat_template}). */
    public void write(List<String> pieces, boolean endWithEos, Path target, java.util.Map<String, String> strings)
            throws IOException {
        int[] script = pieces.stream().mapToInt(vocab::idOf).toArray();
        requireDistinct(script);
        int[] direction = new int[vocab.size()];
        for (int k = 0; k < script.length; k++) {
            direction[script[k]] = k + 1;
        }
        int[] successor = successors(script, endWithEos);
        GgufWriter writer = new GgufWriter();
        RandomLlamaGenerator.writeLlamaMetadata(writer, spec(), vocab);
        strings.forEach(writer::putString);
        writer.addTensor("token_embd.weight", GgmlType.F32, new long[] {EMBEDDING, vocab.size()},
                (token, row) -> oneHot(row, direction[(int) token]));
        writer.addTensor("output_norm.weight", GgmlType.F32, new long[] {EMBEDDING}, (r, row) -> Arrays.fill(row, 1f));
        writer.addTensor("output.weight", GgmlType.F32, new long[] {EMBEDDING, vocab.size()},
                (token, row) -> outputRow(row, (int) token, successor));
        RandomLlamaGenerator.addZeroLayers(writer, spec());
        writer.writeTo(target);
    }

    private static LlamaModelSpec spec() {
        return new LlamaModelSpec("rbee scripted test model", EMBEDDING, 1, 4, 4, 128, 512, GgmlType.F32, 0);
    }

    /** {@code successor[d]} is the token that follows a hidden state pointing in direction {@code d}. */
    private static int[] successors(int[] script, boolean endWithEos) {
        int[] successor = new int[script.length + 1];
        for (int d = 0; d <= script.length; d++) {
            if (d < script.length) {
                successor[d] = script[d];
            } else {
                successor[d] = endWithEos ? ByteLevelVocab.EOS : script[0];
            }
        }
        return successor;
    }

    private static void outputRow(float[] row, int token, int[] successor) {
        Arrays.fill(row, 0f);
        for (int d = 0; d < successor.length; d++) {
            if (successor[d] == token) {
                row[d] = MARGIN;
            }
        }
    }

    private static void oneHot(float[] row, int index) {
        Arrays.fill(row, 0f);
        row[index] = 1f;
    }

    private static void requireDistinct(int[] script) {
        Set<Integer> seen = new HashSet<>();
        for (int token : script) {
            if (!seen.add(token)) {
                throw new IllegalArgumentException("script tokens must be distinct: a token's successor must be unique");
            }
        }
        if (script.length == 0 || script.length >= EMBEDDING) {
            throw new IllegalArgumentException("script needs 1 to " + (EMBEDDING - 1) + " tokens");
        }
    }
}
