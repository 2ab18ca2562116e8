package dev.rbee.contract.openai;

import java.util.List;

/** {@code GET /v1/models} on queen. */
public record ModelList(String object, List<ModelEntry> data) {
    public static final String OBJECT = "list";

    public static ModelList of(List<ModelEntry> data) {
        return new ModelList(OBJECT, data);
    }
}
