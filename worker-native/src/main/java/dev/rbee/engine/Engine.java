package dev.rbee.engine;

/**
 * An inference engine: turns a GGUF file into a {@link LoadedModel}. The worker's HTTP side only sees this interface,
 * so another engine (a llama-server process, a newer native build) can replace llama.cpp-over-JNI.
 */
public interface Engine {
    String name();

    /** Backends this engine can compute on ({@code cpu}, {@code cuda}, {@code metal}); never guessed. */
    java.util.Set<String> backends();

    /** Loads the model, reporting progress as it goes; throws {@link EngineException} when the file cannot be used. */
    LoadedModel load(LoadRequest request, LoadListener listener);
}
