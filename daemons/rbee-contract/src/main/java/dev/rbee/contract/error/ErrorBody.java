package dev.rbee.contract.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The inner object of the error envelope; {@code details} is never null on the wire (api.md §3). */
public record ErrorBody(String code, String message, Map<String, Object> details) {

    public ErrorBody {
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
