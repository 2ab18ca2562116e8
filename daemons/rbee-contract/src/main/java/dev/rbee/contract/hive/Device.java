package dev.rbee.contract.hive;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A device of a backend; {@code simulated:true} only when it comes from {@code RBEE_FAKE_DEVICES}. */
public record Device(
        int index,
        String name,
        long vramTotalBytes,
        long vramFreeBytes,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean simulated) {

    public static Device real(int index, String name, long vramTotalBytes, long vramFreeBytes) {
        return new Device(index, name, vramTotalBytes, vramFreeBytes, null);
    }
}
