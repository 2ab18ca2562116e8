package dev.rbee.contract.hive;

/** {@code GET /v1/resources}. */
public record Resources(
        long ramTotalBytes,
        long ramAvailableBytes,
        long diskTotalBytes,
        long diskAvailableBytes,
        String modelsDir,
        int cpuCores) {
}
