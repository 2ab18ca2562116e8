package dev.rbee.engine.cuda;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Finds the CUDA devices of this machine, once per instance (the hive holds one), for {@code /v1/backends/list} and
 * the VRAM preflight. It never throws: a missing driver, a failing call or a hanging driver each become an
 * unavailable {@link CudaInventory} with a reason.
 *
 * <p>Driver calls run on a separate daemon thread under a timeout because a wedged GPU or driver can block
 * {@code cuInit} for minutes; the hive must answer {@code /v1/backends/list} regardless. A thread stuck in native code
 * cannot be interrupted, so after a timeout it is left behind (daemon, so it does not keep the JVM alive) and the
 * timeout is the cached answer: probing again would only hang again.
 */
public final class CudaProbe {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    private final CudaDriver driver;
    private final Duration timeout;
    private final Object lock = new Object();
    private CudaInventory first; // guarded by lock: the first probe's answer
    private CudaInventory stuck; // guarded by lock: set once a driver call hung; every later call gets it
    private FutureTask<CudaInventory> pending; // guarded by lock: the first probe, while no caller saw its end

    public CudaProbe(CudaDriver driver, Duration timeout) {
        this.driver = driver;
        this.timeout = timeout;
    }

    /** Probes through JCuda with the default timeout. */
    public CudaProbe() {
        this(new JCudaDriverApi(), DEFAULT_TIMEOUT);
    }

    /**
     * The inventory as first probed: the driver is loaded and asked on the first call only; later calls, from any
     * thread, get the same answer. Its free memory is that of the first call; see {@link #refreshFreeMemory()}.
     */
    public CudaInventory inventory() {
        synchronized (lock) {
            if (stuck != null) {
                return stuck;
            }
            if (first == null) {
                if (pending == null) {
                    pending = start(this::probe);
                }
                CudaInventory found = await(pending);
                if (Thread.currentThread().isInterrupted()) {
                    return found; // no real answer; the next caller waits for the same probe instead of a second one
                }
                first = found;
                pending = null;
            }
            return first;
        }
    }

    /**
     * The first probe's devices with free memory read again (free VRAM changes as workers load and exit), for the
     * VRAM preflight. A device that fails now is returned with its error; the first answer stays as it was.
     */
    public CudaInventory refreshFreeMemory() {
        synchronized (lock) {
            CudaInventory base = inventory();
            if (!base.available()) {
                return base;
            }
            return await(start(() -> base.mapDevices(this::withCurrentFreeMemory)));
        }
    }

    private CudaInventory probe() {
        try {
            driver.init();
        } catch (CudaCallException e) {
            return CudaFailures.initFailed(e);
        }
        try {
            int version = driver.driverVersion();
            int count = driver.deviceCount();
            List<CudaDevice> devices = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                devices.add(device(i));
            }
            return CudaInventory.of(version, devices);
        } catch (CudaCallException e) {
            return CudaInventory.unavailable("the CUDA driver failed to list devices", e.getMessage());
        }
    }

    /** A device whose queries fail stays listed with the error, so a request naming it gets CUDA_DEVICE_FAILED. */
    private CudaDevice device(int index) {
        String name = "CUDA device " + index;
        try {
            name = driver.deviceName(index);
            int[] cc = driver.computeCapability(index);
            long total = driver.totalMemory(index);
            return new CudaDevice(index, name, cc[0], cc[1], total, driver.freeMemory(index), null);
        } catch (CudaCallException e) {
            return CudaDevice.failed(index, name, e.getMessage());
        }
    }

    private CudaDevice withCurrentFreeMemory(CudaDevice device) {
        if (!device.usable()) {
            return device;
        }
        try {
            return device.withFreeBytes(driver.freeMemory(device.index()));
        } catch (CudaCallException e) {
            return device.withError(e.getMessage());
        }
    }

    @FunctionalInterface
    private interface DriverWork {
        CudaInventory run();
    }

    /** Runs driver work on its own daemon thread; callers hold the lock, so driver calls do not overlap. */
    private static FutureTask<CudaInventory> start(DriverWork work) {
        FutureTask<CudaInventory> task = new FutureTask<>(() -> {
            try {
                return work.run();
            } catch (LinkageError e) { // no driver or no JCuda natives: the expected failure on most machines
                return CudaFailures.notLoadable(e);
            }
        });
        Thread.ofPlatform().daemon().name("cuda-probe").start(task);
        return task;
    }

    /** The work's answer, or an unavailable inventory that says it hung, was interrupted or failed. */
    private CudaInventory await(FutureTask<CudaInventory> task) {
        try {
            return task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            stuck = CudaInventory.unavailable("the CUDA driver did not answer within " + seconds(timeout),
                    "a driver call is still blocked; restart rbee-hive after fixing the GPU or driver");
            return stuck;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CudaInventory.unavailable("the CUDA probe was interrupted", "");
        } catch (ExecutionException e) {
            return failedProbe(e.getCause());
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** A bug in the probe or the binding must not take the hive down; it is reported, never swallowed. */
    private static CudaInventory failedProbe(Throwable cause) {
        if (cause instanceof Error error) {
            throw error; // the JVM itself is in trouble (out of memory, ...): not ours to hide
        }
        return CudaInventory.unavailable("the CUDA probe failed", String.valueOf(cause));
    }
}
