package dev.rbee.engine.cuda;

import java.util.Locale;
import java.util.Optional;

/** Turns the ways CUDA can be missing or broken into the short reasons {@code /v1/backends/list} shows. */
final class CudaFailures {
    /**
     * Text that names the missing driver. Windows does not name the missing DLL, but JCuda's driver binding depends
     * on nothing else that a JVM machine lacks, so its "dependent libraries" failure means nvcuda.dll is missing.
     */
    private static final String[] DRIVER_MISSING = {"libcuda.so", "nvcuda.dll", "Can't find dependent libraries"};

    private CudaFailures() {
    }

    /**
     * JCuda's native library did not load. Its message nests every load attempt's stack trace; the line naming the
     * driver library is the one a person needs, so it becomes the detail.
     */
    static CudaInventory notLoadable(LinkageError e) {
        String text = fullText(e);
        for (String library : DRIVER_MISSING) {
            Optional<String> line = lineFrom(text, library);
            if (line.isPresent()) {
                return CudaInventory.unavailable(CudaInventory.NO_DRIVER, line.get());
            }
        }
        if (e instanceof NoClassDefFoundError && text.contains("jcuda/")) {
            return CudaInventory.unavailable("CUDA support is not installed (JCuda is missing from the class path)",
                    firstLine(text));
        }
        String platform = System.getProperty("os.name") + " " + System.getProperty("os.arch");
        return CudaInventory.unavailable("JCuda has no native library for " + platform.toLowerCase(Locale.ROOT),
                firstLine(text));
    }

    /** {@code cuInit} answered with an error: the driver is there but will not work. */
    static CudaInventory initFailed(CudaCallException e) {
        String reason = switch (e.errorName()) {
            case "CUDA_ERROR_NO_DEVICE" -> "no CUDA device found";
            case "CUDA_ERROR_INSUFFICIENT_DRIVER" -> "the CUDA driver is too old for CUDA 12";
            case "CUDA_ERROR_SYSTEM_DRIVER_MISMATCH" -> "the CUDA driver does not match the loaded kernel module";
            default -> "the CUDA driver failed to initialise (" + e.errorName() + ")";
        };
        return CudaInventory.unavailable(reason, e.getMessage());
    }

    private static String fullText(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }

    private static Optional<String> lineFrom(String text, String token) {
        return text.lines().filter(l -> l.contains(token)).findFirst()
                .map(l -> l.substring(l.indexOf(token)).strip());
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("").strip();
    }
}
