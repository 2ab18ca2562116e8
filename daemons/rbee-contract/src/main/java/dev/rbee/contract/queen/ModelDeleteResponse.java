package dev.rbee.contract.queen;

/** {@code DELETE /v2/nodes/{name}/models/{id-or-ref}}. */
public record ModelDeleteResponse(String node, String deleted, long freedBytes) {
}
