package dev.rbee.contract.hive;

/** {@code {"model_ref"}}: hive {@code POST /v1/models/download} and queen's node download. */
public record DownloadRequest(String modelRef) {
}
