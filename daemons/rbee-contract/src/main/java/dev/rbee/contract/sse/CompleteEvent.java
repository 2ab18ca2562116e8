package dev.rbee.contract.sse;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Both {@code complete} shapes share one type name: a download's {@code {local_path, model_id}} and an install's
 * {@code {version, install_path}}. The fields of the other shape stay null and are not written.
 */
public record CompleteEvent(
        @JsonInclude(JsonInclude.Include.NON_NULL) String localPath,
        @JsonInclude(JsonInclude.Include.NON_NULL) String modelId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String version,
        @JsonInclude(JsonInclude.Include.NON_NULL) String installPath) implements SseEvent {

    public static CompleteEvent download(String localPath, String modelId) {
        return new CompleteEvent(localPath, modelId, null, null);
    }

    public static CompleteEvent install(String version, String installPath) {
        return new CompleteEvent(null, null, version, installPath);
    }

    public boolean isDownload() {
        return localPath != null;
    }

    @Override
    public String eventType() {
        return EventType.COMPLETE;
    }
}
