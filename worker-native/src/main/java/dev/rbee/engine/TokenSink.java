package dev.rbee.engine;

@FunctionalInterface
public interface TokenSink {
    /** Called once per generated token with the text it made printable (may be empty mid UTF-8 sequence). */
    void token(String text);
}
