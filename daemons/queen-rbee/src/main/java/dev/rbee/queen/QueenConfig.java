package dev.rbee.queen;

import dev.rbee.contract.RbeeHome;
import dev.rbee.daemon.Distribution;

/** Settings of queen-rbee, logged at start. */
public record QueenConfig(String bind, int port, boolean ephemeral, int localHivePort, RbeeHome home,
                          Distribution distribution, java.time.Duration inferenceStallTimeout, String advertiseUrl) {
    public String url(int boundPort) {
        return "http://" + bind + ":" + boundPort;
    }

    /**
     * The URL queen gives its hives to reach it: {@code advertiseUrl} when set (queen behind another address, or the
     * test kit's proxy that counts heartbeats, S111), else its own bind address.
     */
    public String hiveFacingUrl() {
        return advertiseUrl == null || advertiseUrl.isBlank() ? url(port) : advertiseUrl;
    }
}
