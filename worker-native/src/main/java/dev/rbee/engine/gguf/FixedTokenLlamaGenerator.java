package dev.rbee.engine.gguf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a llama-architecture model that, whatever the prompt, predicts one chosen token; tests make that token the
 * model's EOS so that a run ends at once with {@code stop_reason EOS} and no token out, which only happens when the
 * engine takes the EOS id from the file's metadata (S055).
 *
 * <p>How: all block weights are zero, so the residual stream stays the token embedding; every embedding is the same
 * all-ones vector, so after the final norm the hidden state is all ones whatever came before; only the output row of
 * the chosen token is non-zero (ones too), so its logit is {@code n_embd} and every other logit is 0. Zeros and ones
 * are exact in every quantization, K-quants included, so greedy decoding picks that token in any tensor type.
 */
public final class FixedTokenLlamaGenerator {
    /** K-quant rows are whole 256-value super-blocks, so this is the smallest width every type accepts. */
    private static final int EMBEDDING = 256;

    /** {@code token} gets the CONTROL type, as real EOS tokens have, so it is never printed as text. */
    public void write(int layers, int vocabSize, int token, GgmlType type, Path target) throws IOException {
        LlamaModelSpec spec = new LlamaModelSpec("rbee fixed-token test model", EMBEDDING, layers, 4, 4, EMBEDDING,
                512, type, 0, vocabSize);
        LlamaVocab vocab = new ControlToken(LlamaVocab.ofSize(vocabSize), token);
        GgufWriter writer = new GgufWriter();
        RandomLlamaGenerator.writeLlamaMetadata(writer, spec, vocab, token);
        writer.addTensor("token_embd.weight", type, new long[] {EMBEDDING, vocabSize}, (t, row) -> Arrays.fill(row, 1f));
        writer.addTensor("output_norm.weight", GgmlType.F32, new long[] {EMBEDDING}, (r, row) -> Arrays.fill(row, 1f));
        writer.addTensor("output.weight", type.outputType(), new long[] {EMBEDDING, vocabSize},
                (t, row) -> Arrays.fill(row, t == token ? 1f : 0f));
        RandomLlamaGenerator.addZeroLayers(writer, spec, type);
        writer.writeTo(target);
    }

    /** A vocabulary with one token turned into a control token. */
    private record ControlToken(LlamaVocab base, int token) implements LlamaVocab {
        @Override
        public int size() {
            return base.size();
        }

        @Override
        public List<String> tokens() {
            return base.tokens();
        }

        @Override
        public float[] scoreArray() {
            return base.scoreArray();
        }

        @Override
        public int[] typeArray() {
            int[] types = base.typeArray().clone();
            types[token] = ByteLevelVocab.TYPE_CONTROL;
            return types;
        }

        @Override
        public boolean isGeneratable(int id) {
            return id != token && base.isGeneratable(id);
        }
    }
}
