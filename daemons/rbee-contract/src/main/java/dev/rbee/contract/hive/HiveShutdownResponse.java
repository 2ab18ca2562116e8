package dev.rbee.contract.hive;

import java.util.List;

/** {@code POST /v1/admin/shutdown} of a hive, answered when its workers are gone. */
public record HiveShutdownResponse(int workersStopped, List<String> forceKilled) {
}
