package dev.rbee.engine.cuda;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** A scriptable driver: devices with names and memory, and failures or hangs where a test wants them. */
final class FakeDriver implements CudaDriver {
    record Gpu(String name, long total, long free, boolean freeFails) {
    }

    final List<Gpu> gpus = new ArrayList<>();
    final AtomicInteger initCalls = new AtomicInteger();
    final AtomicInteger freeCalls = new AtomicInteger();
    String initError;
    RuntimeException initThrows;
    LinkageError initLinkage;
    CountDownLatch hangUntil;
    long freeDelta;

    FakeDriver gpu(String name, long total, long free) {
        gpus.add(new Gpu(name, total, free, false));
        return this;
    }

    FakeDriver brokenGpu(String name) {
        gpus.add(new Gpu(name, 1L << 30, 0, true));
        return this;
    }

    @Override
    public void init() throws CudaCallException {
        initCalls.incrementAndGet();
        if (hangUntil != null) {
            try {
                hangUntil.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (initLinkage != null) {
            throw initLinkage;
        }
        if (initThrows != null) {
            throw initThrows;
        }
        if (initError != null) {
            throw new CudaCallException("cuInit", 100, initError);
        }
    }

    @Override
    public int driverVersion() {
        return 12040;
    }

    @Override
    public int deviceCount() {
        return gpus.size();
    }

    @Override
    public String deviceName(int device) {
        return gpus.get(device).name();
    }

    @Override
    public int[] computeCapability(int device) {
        return new int[] {9, 0};
    }

    @Override
    public long totalMemory(int device) {
        return gpus.get(device).total();
    }

    @Override
    public long freeMemory(int device) throws CudaCallException {
        freeCalls.incrementAndGet();
        Gpu gpu = gpus.get(device);
        if (gpu.freeFails()) {
            throw new CudaCallException("cuDevicePrimaryCtxRetain", 46, "CUDA_ERROR_DEVICES_UNAVAILABLE");
        }
        return gpu.free() - freeDelta;
    }
}
