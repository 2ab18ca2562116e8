package dev.rbee.contract.queen;

import java.util.List;

/** {@code POST /v2/shutdown}, sent after the cascade completed. */
public record QueenShutdownResponse(int hives, int workers, List<ForceKilled> forceKilled) {
}
