package dev.rbee.engine.ffm;

import de.kherud.llama.LlamaModel;
import de.kherud.llama.args.LogFormat;
import dev.rbee.engine.EngineException;
import dev.rbee.engine.llamacpp.NativeLibrary;
import java.lang.foreign.SymbolLookup;

/**
 * The C API of the one llama.cpp library of this process. The JNI binding extracts and loads the library; its symbols
 * are then visible to this class loader's lookup. Initialised once, on first use, and immutable afterwards.
 */
final class NativeLlama {
    private NativeLlama() {
    }

    static LlamaCApi api() {
        return Holder.API;
    }

    private static final class Holder {
        static final LlamaCApi API = create();

        private static LlamaCApi create() {
            NativeLibrary.loadPrivately(() -> LlamaModel.setLogger(LogFormat.TEXT, (level, message) -> { }));
            LlamaCApi api = new LlamaCApi(SymbolLookup.loaderLookup());
            try {
                api.backendInit.invokeExact();
            } catch (Throwable e) {
                throw new EngineException("llama.cpp's backend did not initialise: " + e, EngineException.Kind.BACKEND,
                        e);
            }
            return api;
        }
    }
}
