package dev.rbee.contract.hive;

import java.util.List;

/** {@code GET /v1/backends/list}: always {@code cuda}, {@code metal}, {@code cpu}. */
public record BackendsList(List<Backend> backends) {
}
