package dev.rbee.contract.queen;

import java.util.List;

/** {@code GET /v2/registry/beehives/list}: {@code localhost} first, then by name. */
public record NodesList(List<Node> nodes) {
}
