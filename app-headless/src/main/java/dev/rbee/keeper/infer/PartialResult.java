package dev.rbee.keeper.infer;

import java.nio.file.Path;

/**
 * What a failed stream had produced (cli.md §10.4): {@code file} holds the received text, null when no token
 * arrived or the file could not be written ({@code saveError} then says why).
 */
public record PartialResult(String jobId, int tokens, int maxTokens, Path file, String saveError) {

    public boolean hasTokens() {
        return tokens > 0;
    }
}
