package dev.rbee.engine;

public enum StopReason {
    MAX_TOKENS, EOS, STOP_SEQUENCE, CANCELLED
}
