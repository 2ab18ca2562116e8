package dev.rbee.engine;

import dev.rbee.engine.ffm.FfmEngine;
import dev.rbee.engine.llamacpp.LlamaCppEngine;
import java.io.PrintStream;
import java.util.List;

/** The engines a worker can run, by the name its {@code --engine} flag takes. */
public final class Engines {
    /** llama.cpp's C API, sampled token by token in Java (exact tokens, loading progress, the spec's sampler order). */
    public static final String LLAMA_CAPI = "llama-capi";
    /** llama.cpp's server loop inside the JNI binding: the first engine, kept as a fallback. */
    public static final String LLAMA_JNI = "llama-jni";
    public static final List<String> NAMES = List.of(LLAMA_CAPI, LLAMA_JNI);
    /** The engine a worker runs when its {@code --engine} flag is not given (the hive never gives it). */
    public static final String DEFAULT = LLAMA_CAPI;

    private Engines() {
    }

    public static Engine create(String name, PrintStream log) {
        return switch (name) {
            case LLAMA_CAPI -> new FfmEngine(); // llama.cpp logs to the process's stderr itself
            case LLAMA_JNI -> new LlamaCppEngine(log);
            default -> throw new IllegalArgumentException("unknown engine '" + name + "'; choose one of " + NAMES);
        };
    }
}
