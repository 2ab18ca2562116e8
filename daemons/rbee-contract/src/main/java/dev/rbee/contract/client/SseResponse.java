package dev.rbee.contract.client;

import dev.rbee.contract.ApiPaths;
import dev.rbee.contract.sse.SseEventStream;

import java.net.http.HttpHeaders;
import java.util.Optional;

/** A committed {@code 200 text/event-stream} answer. Closing it closes the connection (which cancels a task). */
public record SseResponse(int status, HttpHeaders headers, SseEventStream events) implements AutoCloseable {

    /** {@code X-Job-Id} of a task stream. */
    public Optional<String> jobId() {
        return headers.firstValue(ApiPaths.HEADER_JOB_ID);
    }

    public Optional<String> correlationId() {
        return headers.firstValue(ApiPaths.HEADER_CORRELATION_ID);
    }

    @Override
    public void close() {
        events.close();
    }
}
