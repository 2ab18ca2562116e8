package dev.rbee.engine;

/** The engine could not load or run a model; the message says why in words a user can act on. */
public class EngineException extends RuntimeException {
    /** What went wrong, so the worker can answer with the right error code. */
    public enum Kind {
        /** The file is missing, not a GGUF, or a model the engine cannot run. */
        MODEL,
        /** The engine cannot compute on the requested backend at all. */
        BACKEND,
        /** The device failed while loading or generating. */
        DEVICE,
        /** Anything else during generation. */
        INFERENCE
    }

    private final Kind kind;

    public EngineException(String message, Kind kind, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public EngineException(String message, Kind kind) {
        this(message, kind, null);
    }

    public Kind kind() {
        return kind;
    }
}
