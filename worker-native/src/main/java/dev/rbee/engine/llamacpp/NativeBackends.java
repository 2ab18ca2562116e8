package dev.rbee.engine.llamacpp;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which devices the bundled llama.cpp library can compute on, read from the library itself: a build with CUDA or
 * Metal contains that backend's symbols. The stock {@code de.kherud:llama} jar is CPU-only on Linux, and llama.cpp
 * would then silently run a "GPU" request on the CPU, which rbee must never do.
 */
final class NativeBackends {
    private static final byte[] CUDA_MARKER = "ggml_backend_cuda_init".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] METAL_MARKER = "ggml_backend_metal_init".getBytes(StandardCharsets.US_ASCII);

    private NativeBackends() {
    }

    static Set<String> supported() {
        Set<String> backends = new LinkedHashSet<>();
        backends.add("cpu");
        try (InputStream library = openLibrary()) {
            if (library == null) {
                return backends;
            }
            byte[] bytes = new BufferedInputStream(library).readAllBytes();
            if (contains(bytes, CUDA_MARKER)) {
                backends.add("cuda");
            }
            if (contains(bytes, METAL_MARKER)) {
                backends.add("metal");
            }
        } catch (IOException e) {
            // unreadable: claim nothing beyond the CPU
        }
        return backends;
    }

    /** The library the binding will load: an explicit {@code de.kherud.llama.lib.path}, else the one in its jar. */
    private static InputStream openLibrary() throws IOException {
        String name = System.mapLibraryName("jllama");
        String explicit = System.getProperty("de.kherud.llama.lib.path");
        if (explicit != null && Files.isRegularFile(Path.of(explicit, name))) {
            return Files.newInputStream(Path.of(explicit, name));
        }
        return de.kherud.llama.LlamaModel.class.getResourceAsStream("/de/kherud/llama/" + osFolder() + "/"
                + archFolder() + "/" + name);
    }

    private static String osFolder() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return os.contains("mac") ? "Mac" : os.contains("win") ? "Windows" : "Linux";
    }

    private static String archFolder() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch.equals("arm64") ? "aarch64" : arch;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
