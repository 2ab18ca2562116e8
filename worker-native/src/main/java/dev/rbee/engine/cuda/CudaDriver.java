package dev.rbee.engine.cuda;

/**
 * The few CUDA driver API calls the probe needs, by device ordinal. {@link JCudaDriverApi} makes them through JCuda;
 * tests use a fake. Any call may throw {@link LinkageError} when the native driver cannot be loaded.
 */
public interface CudaDriver {
    /** {@code cuInit(0)}: must succeed before any other call. */
    void init() throws CudaCallException;

    /** {@code cuDriverGetVersion}: 12040 for CUDA 12.4. */
    int driverVersion() throws CudaCallException;

    int deviceCount() throws CudaCallException;

    String deviceName(int device) throws CudaCallException;

    /** Compute capability as {major, minor}. */
    int[] computeCapability(int device) throws CudaCallException;

    long totalMemory(int device) throws CudaCallException;

    /** Free memory now; the driver answers this only inside a context on the device. */
    long freeMemory(int device) throws CudaCallException;
}
