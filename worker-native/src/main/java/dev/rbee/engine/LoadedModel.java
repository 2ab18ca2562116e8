package dev.rbee.engine;

import java.util.function.BooleanSupplier;

/** A model in memory. {@link #generate} may run on several threads at once, up to the slots it was loaded with. */
public interface LoadedModel extends AutoCloseable {
    /**
     * Generates tokens, handing each one's text to {@code sink} as soon as it is sampled, and stops early once
     * {@code cancelled} turns true (checked before every token).
     */
    GenerationResult generate(GenerationRequest request, TokenSink sink, BooleanSupplier cancelled);

    /** Frees the model's memory. */
    @Override
    void close();
}
