package dev.rbee.engine.gguf;

/** The file is not a readable GGUF model: wrong magic, unsupported version, truncated or corrupt. */
public class GgufFormatException extends Exception {
    public GgufFormatException(String message) {
        super(message);
    }
}
