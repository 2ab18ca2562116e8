package dev.rbee.contract.hive;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * {@code GET /v1/resources}. {@code overridden} names the values a test-mode override replaced
 * ({@code ["ram_available"]}, scenario S039); absent when nothing was overridden.
 */
public record Resources(
        long ramTotalBytes,
        long ramAvailableBytes,
        long diskTotalBytes,
        long diskAvailableBytes,
        String modelsDir,
        int cpuCores,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> overridden) {

    public Resources {
        overridden = overridden == null ? List.of() : List.copyOf(overridden);
    }
}
