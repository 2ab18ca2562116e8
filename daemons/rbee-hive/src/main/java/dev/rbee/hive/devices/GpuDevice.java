package dev.rbee.hive.devices;

import java.util.Optional;

/**
 * What the preflight needs to know about one GPU. Temperature is known only for simulated devices (the probe does not
 * read it); the largest free block is the whole free memory unless {@code ;block=} says otherwise.
 */
public record GpuDevice(String backend, int index, long freeBytes, long largestFreeBlock, Integer temperatureC) {

    public Optional<Integer> temperature() {
        return Optional.ofNullable(temperatureC);
    }

    public String label() {
        return backend + ":" + index;
    }
}
