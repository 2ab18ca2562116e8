package dev.rbee.contract.hive;

import java.util.List;

/** {@code GET /v1/models}: newest first. */
public record ModelsList(List<Model> models) {
}
