package dev.rbee.contract.queen;

import java.util.List;

/** 202 answer of {@code POST /v2/workers/shutdown}. */
public record WorkersShutdownResponse(List<String> stopping) {
}
