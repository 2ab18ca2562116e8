package dev.rbee.queen;

import dev.rbee.contract.RbeeHome;
import dev.rbee.daemon.Distribution;

/** Settings of queen-rbee, logged at start. */
public record QueenConfig(String bind, int port, boolean ephemeral, int localHivePort, RbeeHome home,
                          Distribution distribution, java.time.Duration inferenceStallTimeout) {
    public String url(int boundPort) {
        return "http://" + bind + ":" + boundPort;
    }
}
