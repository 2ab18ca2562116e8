package dev.rbee.engine.cuda;

import java.util.Optional;

/**
 * One entry of {@code RBEE_FAKE_DEVICES} with its optional attributes (scenarios.md test kit):
 * {@code cuda:1=8GiB/4GiB;temp=85;block=1GiB;fail=CUDA device 1 not found}.
 *
 * @param temperatureC the temperature the hive's preflight sees (S153); null = unknown
 * @param largestBlock the largest free block of device memory (S155); null = the whole free memory
 * @param failure      the message a worker on this device fails with at startup (S073); null = none
 */
public record FakeDevice(String backend, int index, long totalBytes, long freeBytes, Integer temperatureC,
                         Long largestBlock, String failure) {

    public Optional<Integer> temperature() {
        return Optional.ofNullable(temperatureC);
    }

    public long largestFreeBlock() {
        return largestBlock == null ? freeBytes : largestBlock;
    }

    public Optional<String> failureMessage() {
        return Optional.ofNullable(failure);
    }

    CudaDevice toCudaDevice() {
        return new CudaDevice(index, "Simulated CUDA device " + index, 0, 0, totalBytes, freeBytes, null);
    }
}
