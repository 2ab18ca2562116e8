package dev.rbee.contract.hive;

/** {@code DELETE /v1/models/{id}}: {@code deleted} is the model id. */
public record DeleteModelResponse(String deleted, long freedBytes) {
}
