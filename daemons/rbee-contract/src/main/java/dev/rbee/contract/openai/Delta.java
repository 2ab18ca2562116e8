package dev.rbee.contract.openai;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code choices[].delta} of a chat chunk; the last chunk's delta is {@code {}}. */
public record Delta(@JsonInclude(JsonInclude.Include.NON_NULL) String role, @JsonInclude(JsonInclude.Include.NON_NULL) String content) {

    public static Delta content(String text) {
        return new Delta(null, text);
    }

    public static Delta empty() {
        return new Delta(null, null);
    }
}
