package dev.rbee.engine.cuda;

import java.util.Locale;

/**
 * One CUDA device as the driver reports it.
 *
 * @param index        CUDA device ordinal (what {@code --device} and {@code CUDA_VISIBLE_DEVICES} count)
 * @param name         product name ({@code NVIDIA H100 80GB HBM3})
 * @param computeMajor compute capability, major part; 0 when unknown
 * @param computeMinor compute capability, minor part
 * @param totalBytes   device memory
 * @param freeBytes    device memory free when probed; 0 when it could not be read
 * @param error        null when every query answered; else the failed driver call, for {@code CUDA_DEVICE_FAILED}
 */
public record CudaDevice(int index, String name, int computeMajor, int computeMinor, long totalBytes, long freeBytes,
                         String error) {

    public static CudaDevice failed(int index, String name, String error) {
        return new CudaDevice(index, name, 0, 0, 0, 0, error);
    }

    /** A device the driver answered for completely; only such a device can take a worker. */
    public boolean usable() {
        return error == null;
    }

    /** {@code 8.6}, as NVIDIA writes compute capabilities. */
    public String computeCapability() {
        return computeMajor + "." + computeMinor;
    }

    public CudaDevice withFreeBytes(long free) {
        return new CudaDevice(index, name, computeMajor, computeMinor, totalBytes, free, error);
    }

    public CudaDevice withError(String failure) {
        return new CudaDevice(index, name, computeMajor, computeMinor, totalBytes, 0, failure);
    }

    /** One line for logs and {@code rbee-hive} narration. */
    public String describe() {
        String head = "cuda:" + index + " " + name;
        if (!usable()) {
            return head + " (failed: " + error + ")";
        }
        return head + ", compute " + computeCapability() + ", " + gib(totalBytes) + " total, " + gib(freeBytes)
                + " free";
    }

    static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
}
