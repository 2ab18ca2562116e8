package dev.rbee.contract.hive;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** One entry of {@code /v1/backends/list}; {@code reason} says why an unavailable backend is unavailable. */
public record Backend(
        String name,
        boolean available,
        @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
        List<Device> devices) {
}
