package dev.rbee.engine.gguf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedSet;

/**
 * A synthetic SentencePiece vocabulary of any size, shaped like a real llama one so benchmark models have realistic
 * embedding and output matrices and a realistic tokenizer workload: the tokens of {@link ByteLevelVocab} first (same
 * ids), then common English pieces ({@code ▁the}, {@code ing}), then letter sequences with and without the space
 * marker ({@code ▁ab}, {@code ab}, {@code ▁abc}, ...) until the size is reached.
 *
 * <p>Every piece's prefixes come before it, so llama.cpp's tokenizer, which builds words by merging adjacent pieces,
 * can reach every piece. Scores fall with the order pieces were added, as SentencePiece's log-probabilities do, so
 * common pieces win merges.
 */
public final class SentencePieceVocab implements LlamaVocab {
    /** Letter sequences of up to four letters give about 950 000 pieces; no llama vocabulary is that large. */
    static final int MAX_SIZE = 900_000;
    private static final int MAX_ENUMERATED_LENGTH = 4;
    private static final String SPACE = ByteLevelVocab.SPACE_MARKER;
    // Frequent English pieces; each is added after its own prefixes.
    private static final List<String> COMMON = List.of(
            "▁t", "▁a", "he", "in", "er", "on", "▁the", "re", "an", "en", "▁s", "at", "ing", "▁w", "or", "▁o",
            "es", "▁c", "it", "is", "ed", "▁b", "▁f", "ou", "▁p", "▁to", "▁of", "▁and", "▁in", "ar", "al", "▁m",
            "▁d", "▁h", "ic", "le", "ion", "ll", "ent", "▁is", "▁I", "▁The", "▁that", "▁for", "▁it", "▁you",
            "ation", "▁with", "▁as", "▁was", "▁on", "▁be", "▁he", "▁we", "▁are", "ly", "ter", "ers", "ment", "▁not",
            "▁this", "▁have", "▁from", "▁by", "▁or", "'s", "▁\"", "▁(", "▁1", "▁2", "00", "--", "▁A", "▁S", "▁C");

    private final List<String> tokens;
    private final int[] types;
    private final float[] scores;

    public SentencePieceVocab(int size) {
        if (size <= ByteLevelVocab.SIZE || size > MAX_SIZE) {
            throw new IllegalArgumentException("a SentencePiece test vocabulary has " + (ByteLevelVocab.SIZE + 1)
                    + " to " + MAX_SIZE + " tokens, not " + size);
        }
        ByteLevelVocab base = new ByteLevelVocab();
        SequencedSet<String> pieces = new LinkedHashSet<>(base.tokens());
        addPieces(pieces, size);
        tokens = List.copyOf(pieces);
        types = Arrays.copyOf(base.typeArray(), size);
        Arrays.fill(types, ByteLevelVocab.SIZE, size, ByteLevelVocab.TYPE_NORMAL);
        scores = scores(size);
    }

    private static void addPieces(SequencedSet<String> pieces, int size) {
        for (String piece : COMMON) {
            addWithPrefixes(pieces, piece, size);
        }
        for (int length = 1; length <= MAX_ENUMERATED_LENGTH && pieces.size() < size; length++) {
            enumerate(pieces, "", length, size);
        }
    }

    /** Adds every lowercase sequence of {@code length} letters after {@code prefix}, spaced then bare. */
    private static void enumerate(SequencedSet<String> pieces, String prefix, int length, int size) {
        for (char c = 'a'; c <= 'z' && pieces.size() < size; c++) {
            String s = prefix + c;
            if (s.length() < length) {
                enumerate(pieces, s, length, size);
            } else {
                add(pieces, SPACE + s, size);
                add(pieces, s, size);
            }
        }
    }

    private static void addWithPrefixes(SequencedSet<String> pieces, String piece, int size) {
        for (int end = 2; end <= piece.length(); end++) {
            add(pieces, piece.substring(0, end), size);
        }
    }

    private static void add(SequencedSet<String> pieces, String piece, int size) {
        if (pieces.size() < size) {
            pieces.add(piece);
        }
    }

    /** Special and byte tokens score 0 and single characters lowest, as in llama's own vocabulary. */
    private static float[] scores(int size) {
        float[] s = new float[size];
        for (int i = ByteLevelVocab.FIRST_NORMAL_TOKEN; i < ByteLevelVocab.SIZE; i++) {
            s[i] = -size;
        }
        for (int i = ByteLevelVocab.SIZE; i < size; i++) {
            s[i] = -(i - ByteLevelVocab.SIZE + 1);
        }
        return s;
    }

    @Override
    public int size() {
        return tokens.size();
    }

    @Override
    public List<String> tokens() {
        return tokens;
    }

    @Override
    public float[] scoreArray() {
        return scores.clone();
    }

    @Override
    public int[] typeArray() {
        return types.clone();
    }

    @Override
    public boolean isGeneratable(int token) {
        return token >= ByteLevelVocab.FIRST_NORMAL_TOKEN;
    }
}
