package dev.rbee.hive;

import dev.rbee.contract.RbeeHome;
import dev.rbee.daemon.Distribution;

/** Settings of one hive; the cluster secret comes from the environment and is never printed. */
public record HiveConfig(String nodeName, String bind, int port, String queenUrl, int workerPortStart, boolean watchStdin,
                         RbeeHome home,
                         Distribution distribution, String clusterSecret, java.time.Duration idleTimeout,
                         java.time.Duration loadingTimeout, java.time.Duration healthInterval,
                         java.time.Duration shutdownGrace, boolean testMode) {

    public String url(int boundPort) {
        return "http://" + bind + ":" + boundPort;
    }

    @Override
    public String toString() {
        return "HiveConfig[node=" + nodeName + ", bind=" + bind + ":" + port + ", queen=" + queenUrl
                + ", workerPortStart=" + workerPortStart + ", idleTimeout=" + idleTimeout
                + ", loadingTimeout=" + loadingTimeout + ", healthInterval=" + healthInterval + ", shutdownGrace="
                + shutdownGrace + ", testMode=" + testMode + ", home=" + home.root()
                + ", dist=" + distribution.root() + "]";
    }
}
