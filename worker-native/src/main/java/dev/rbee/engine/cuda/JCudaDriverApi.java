package dev.rbee.engine.cuda;

import static jcuda.driver.CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR;
import static jcuda.driver.CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR;

import java.nio.charset.StandardCharsets;
import jcuda.CudaException;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUresult;
import jcuda.driver.JCudaDriver;

/**
 * {@link CudaDriver} through JCuda's driver API bindings. The first call loads JCuda's native library, which links
 * against the driver's {@code libcuda.so.1} / {@code nvcuda.dll}; without a driver that call throws
 * {@link UnsatisfiedLinkError} and every later one {@link NoClassDefFoundError}, which {@link CudaProbe} reports.
 *
 * <p>JCuda returns error codes unless some code in the process called {@code setExceptionsEnabled(true)}, a JVM-wide
 * switch; both forms end up as {@link CudaCallException}, so the probe works whichever mode another library chose.
 */
public final class JCudaDriverApi implements CudaDriver {
    private static final int NAME_BUFFER = 256;

    @FunctionalInterface
    private interface Call {
        int invoke();
    }

    @Override
    public void init() throws CudaCallException {
        check("cuInit", () -> JCudaDriver.cuInit(0));
    }

    @Override
    public int driverVersion() throws CudaCallException {
        int[] version = new int[1];
        check("cuDriverGetVersion", () -> JCudaDriver.cuDriverGetVersion(version));
        return version[0];
    }

    @Override
    public int deviceCount() throws CudaCallException {
        int[] count = new int[1];
        check("cuDeviceGetCount", () -> JCudaDriver.cuDeviceGetCount(count));
        return count[0];
    }

    @Override
    public String deviceName(int device) throws CudaCallException {
        CUdevice dev = device(device);
        byte[] name = new byte[NAME_BUFFER];
        check("cuDeviceGetName", () -> JCudaDriver.cuDeviceGetName(name, name.length, dev));
        int end = 0;
        while (end < name.length && name[end] != 0) {
            end++;
        }
        return new String(name, 0, end, StandardCharsets.UTF_8);
    }

    @Override
    public int[] computeCapability(int device) throws CudaCallException {
        CUdevice dev = device(device);
        int[] major = new int[1];
        int[] minor = new int[1];
        check("cuDeviceGetAttribute", () -> JCudaDriver.cuDeviceGetAttribute(major,
                CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, dev));
        check("cuDeviceGetAttribute", () -> JCudaDriver.cuDeviceGetAttribute(minor,
                CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR, dev));
        return new int[] {major[0], minor[0]};
    }

    @Override
    public long totalMemory(int device) throws CudaCallException {
        CUdevice dev = device(device);
        long[] bytes = new long[1];
        check("cuDeviceTotalMem", () -> JCudaDriver.cuDeviceTotalMem(bytes, dev));
        return bytes[0];
    }

    /**
     * Uses the device's primary context, the one the CUDA runtime (and so llama.cpp) shares, rather than creating a
     * private context: retaining it is cheaper, and releasing it leaves the device as it was.
     */
    @Override
    public long freeMemory(int device) throws CudaCallException {
        CUdevice dev = device(device);
        CUcontext context = new CUcontext();
        check("cuDevicePrimaryCtxRetain", () -> JCudaDriver.cuDevicePrimaryCtxRetain(context, dev));
        try {
            check("cuCtxPushCurrent", () -> JCudaDriver.cuCtxPushCurrent(context));
            try {
                long[] free = new long[1];
                long[] total = new long[1];
                check("cuMemGetInfo", () -> JCudaDriver.cuMemGetInfo(free, total));
                return free[0];
            } finally {
                cleanUp(() -> JCudaDriver.cuCtxPopCurrent(new CUcontext()));
            }
        } finally {
            cleanUp(() -> JCudaDriver.cuDevicePrimaryCtxRelease(dev));
        }
    }

    /** A failing pop or release cannot make the value already read wrong, and must not replace the real error. */
    private static void cleanUp(Call call) {
        try {
            call.invoke();
        } catch (CudaException e) {
            // ignored on purpose, see above
        }
    }

    private static CUdevice device(int ordinal) throws CudaCallException {
        CUdevice dev = new CUdevice();
        check("cuDeviceGet", () -> JCudaDriver.cuDeviceGet(dev, ordinal));
        return dev;
    }

    private static void check(String name, Call call) throws CudaCallException {
        int code;
        try {
            code = call.invoke();
        } catch (CudaException e) { // thrown instead of returned when exceptions are enabled JVM-wide
            throw new CudaCallException(name, CudaCallException.UNKNOWN_CODE, e.getMessage());
        }
        if (code != CUresult.CUDA_SUCCESS) {
            throw new CudaCallException(name, code, CUresult.stringFor(code));
        }
    }
}
