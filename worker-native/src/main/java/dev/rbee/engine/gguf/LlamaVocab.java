package dev.rbee.engine.gguf;

import java.util.List;

/**
 * A vocabulary for llama.cpp's SentencePiece ("llama") tokenizer as a generated model stores it. Every implementation
 * starts with {@code <unk>}, {@code <s>}, {@code </s>} (ids {@link ByteLevelVocab#UNK}, {@link ByteLevelVocab#BOS},
 * {@link ByteLevelVocab#EOS}) followed by the 256 byte-fallback tokens, so any text tokenizes.
 */
public interface LlamaVocab {
    int size();

    List<String> tokens();

    /** SentencePiece scores: the tokenizer merges the pair whose merged piece scores highest first. */
    float[] scoreArray();

    /** llama.cpp's {@code llama_token_type} of each token. */
    int[] typeArray();

    /** True for the tokens a test model should produce: visible text, not control or byte tokens. */
    boolean isGeneratable(int token);

    /**
     * The vocabulary of that many tokens: the small {@link ByteLevelVocab} at exactly its size (what
     * {@code demo:tiny} and existing fixtures use), else a {@link SentencePieceVocab}.
     */
    static LlamaVocab ofSize(int size) {
        return size == ByteLevelVocab.SIZE ? new ByteLevelVocab() : new SentencePieceVocab(size);
    }
}
