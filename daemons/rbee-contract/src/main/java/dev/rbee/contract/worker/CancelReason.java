package dev.rbee.contract.worker;

import java.util.Arrays;

/**
 * Why queen cancels a job on a worker, sent as {@code DELETE /v1/inference/{job_id}?reason=<wire>} so the worker's
 * log says what happened (scenarios.md S094: {@code job <id> cancelled (client disconnected)}). Not in api.md; a
 * worker reads a missing or unknown reason as a plain cancel request.
 */
public enum CancelReason {
    CANCEL_REQUEST("cancel_request", "cancel request"),
    CLIENT_DISCONNECTED("client_disconnected", "client disconnected"),
    STALLED("stalled", "no event within the stall timeout"),
    SHUTDOWN("shutdown", "queen-rbee shutting down");

    private final String wire;
    private final String words;

    CancelReason(String wire, String words) {
        this.wire = wire;
        this.words = words;
    }

    public String wire() {
        return wire;
    }

    /** How the worker's log says it. */
    public String words() {
        return words;
    }

    public static CancelReason fromWire(String value) {
        return Arrays.stream(values()).filter(r -> r.wire.equals(value)).findFirst().orElse(CANCEL_REQUEST);
    }
}
