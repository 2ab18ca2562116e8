package dev.rbee.worker;

import java.nio.file.Path;

/** Everything a worker is told by its hive; the cluster secret comes from the environment, never argv. */
public record WorkerConfig(String workerId, String node, Path modelPath, String modelRef, String backend, int device,
                           String bind, int port, String hiveUrl, int slots, int contextSize, String engine,
                           String clusterSecret) {

    public String url(int boundPort) {
        return "http://" + bind + ":" + boundPort;
    }

    @Override
    public String toString() { // keeps the secret out of logs
        return "WorkerConfig[id=" + workerId + ", node=" + node + ", model=" + modelPath + ", ref=" + modelRef
                + ", backend=" + backend + ":" + device + ", bind=" + bind + ":" + port + ", hive=" + hiveUrl
                + ", slots=" + slots + ", ctx=" + contextSize + ", engine=" + engine + "]";
    }
}
