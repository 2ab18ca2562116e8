package dev.rbee.engine.gguf;

import java.util.ArrayList;
import java.util.List;

/**
 * A SentencePiece-style ("llama" tokenizer model) vocabulary small enough for test models: the three special tokens,
 * one byte-fallback token per byte value (so any prompt tokenizes), and one normal token per printable ASCII
 * character plus the SentencePiece space marker. Only the normal tokens are meant to be generated.
 */
public final class ByteLevelVocab implements LlamaVocab {
    public static final int UNK = 0;
    public static final int BOS = 1;
    public static final int EOS = 2;
    static final int FIRST_BYTE_TOKEN = 3;
    static final int FIRST_NORMAL_TOKEN = FIRST_BYTE_TOKEN + 256;
    static final String SPACE_MARKER = "\u2581";
    /** Three specials, 256 byte tokens, the space marker and the 94 printable ASCII characters. */
    public static final int SIZE = FIRST_NORMAL_TOKEN + 1 + (0x7E - 0x21 + 1);

    /** Token types of llama.cpp's {@code llama_token_type}. */
    static final int TYPE_NORMAL = 1;
    static final int TYPE_UNKNOWN = 2;
    static final int TYPE_CONTROL = 3;
    static final int TYPE_BYTE = 6;

    private final List<String> tokens = new ArrayList<>();
    private final List<Integer> types = new ArrayList<>();

    public ByteLevelVocab() {
        add("<unk>", TYPE_UNKNOWN);
        add("<s>", TYPE_CONTROL);
        add("</s>", TYPE_CONTROL);
        for (int b = 0; b < 256; b++) {
            add(String.format("<0x%02X>", b), TYPE_BYTE);
        }
        add(SPACE_MARKER, TYPE_NORMAL);
        for (char c = 0x21; c <= 0x7E; c++) {
            add(String.valueOf(c), TYPE_NORMAL);
        }
    }

    private void add(String text, int type) {
        tokens.add(text);
        types.add(type);
    }

    @Override
    public int size() {
        return tokens.size();
    }

    @Override
    public List<String> tokens() {
        return List.copyOf(tokens);
    }

    /** The id of a piece: {@code "<0xC3>"} for a byte, {@code "a"} for a character, {@code "</s>"} for EOS. */
    public int idOf(String piece) {
        int id = tokens.indexOf(piece);
        if (id < 0) {
            throw new IllegalArgumentException("no token '" + piece + "' in the test vocabulary");
        }
        return id;
    }

    /** True for the tokens a test model should produce: visible characters and spaces. */
    @Override
    public boolean isGeneratable(int token) {
        return token >= FIRST_NORMAL_TOKEN;
    }

    @Override
    public int[] typeArray() {
        return types.stream().mapToInt(Integer::intValue).toArray();
    }

    /** SentencePiece merge scores; with only single-character pieces there is nothing to merge, so all are equal. */
    @Override
    public float[] scoreArray() {
        return new float[tokens.size()];
    }
}
