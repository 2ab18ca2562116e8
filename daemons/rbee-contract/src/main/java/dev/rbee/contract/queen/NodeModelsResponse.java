package dev.rbee.contract.queen;

import dev.rbee.contract.hive.Model;

import java.util.List;

/** {@code GET /v2/nodes/{name}/models}: the node's hive catalog. */
public record NodeModelsResponse(String node, List<Model> models) {
}
