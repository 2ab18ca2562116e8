package dev.rbee.contract.hive;

/** A catalog entry (api.md §6.1); {@code provider} is {@code hf}, {@code file} or {@code demo}. */
public record Model(
        String id,
        String modelRef,
        String provider,
        String reference,
        String file,
        String localPath,
        long sizeBytes,
        String sha256,
        String quantization,
        String architecture,
        long downloadedAtUnix) {
}
