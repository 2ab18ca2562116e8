package dev.rbee.engine;

/** The engine could not load or run a model; the message says why in words a user can act on. */
public class EngineException extends RuntimeException {
    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }

    public EngineException(String message) {
        super(message);
    }
}
