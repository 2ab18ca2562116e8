package dev.rbee.queen.metrics;

import java.util.List;

/** A hive as a scrape sees it: its state and, when it runs, its GPUs as {@code (device label, total, free)}. */
public record HiveSnapshot(String node, String state, List<Gpu> gpus) {
    public record Gpu(String device, long totalBytes, long freeBytes) {
    }
}
