package dev.rbee.contract;

import java.util.List;

/** Backend names on the wire; {@link #PREFERENCE} is the order used when the client names none (api.md §5.6). */
public final class Backends {
    public static final String CPU = "cpu";
    public static final String CUDA = "cuda";
    public static final String METAL = "metal";
    public static final List<String> PREFERENCE = List.of(CUDA, METAL, CPU);
    /** The order of the spec's {@code enum(cpu|cuda|metal)} constraint. */
    public static final List<String> ALL = List.of(CPU, CUDA, METAL);

    private Backends() {
    }
}
