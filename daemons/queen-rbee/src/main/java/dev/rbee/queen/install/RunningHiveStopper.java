package dev.rbee.queen.install;

import dev.rbee.contract.client.Endpoint;
import dev.rbee.contract.client.HiveClient;
import dev.rbee.contract.client.HttpJson;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.queen.Node;
import dev.rbee.daemon.ClientGoneException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before files are replaced, a hive answering at the node's hive address is asked to shut down (api.md §5.3, §12),
 * which stops its workers too, and queen waits until it no longer answers (S132). Nothing answering: nothing to do.
 */
public final class RunningHiveStopper implements NodeInstaller.HiveStopper {
    private static final Logger LOG = LoggerFactory.getLogger(RunningHiveStopper.class);
    /** The hive's shutdown grace (30 s, scenarios.md §5) plus time to exit. */
    static final Duration STOP_WAIT = Duration.ofSeconds(40);

    private final String secret;
    private final Json json;

    public RunningHiveStopper(String secret, Json json) {
        this.secret = secret;
        this.json = json;
    }

    @Override
    public boolean stopIfRunning(Node node, NodeInstaller.Events events) throws ClientGoneException {
        Endpoint endpoint = Endpoint.of(url(node), secret, Duration.ofSeconds(1), Duration.ofSeconds(2));
        HiveClient hive = new HiveClient(new HttpJson(endpoint, json));
        if (!answers(hive)) {
            return false;
        }
        events.narrate("hive_stop", "Stopping rbee-hive on " + node.nodeName() + " before installing");
        try {
            new HiveClient(new HttpJson(endpoint.withRequestTimeout(STOP_WAIT), json)).adminShutdown();
        } catch (RbeeException e) {
            if (e.status() == 401 || e.status() == 403) { // not this cluster's hive: never wait for it
                throw NodeInstaller.failed(node.nodeName(), "stop_hive", "rbee-hive at " + url(node)
                        + " refused the shutdown request (" + e.code() + ")");
            }
            LOG.info("Shutdown request to the hive of {}: {} (checking whether it exits anyway)", node.nodeName(),
                    e.getMessage());
        }
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        while (answers(hive)) {
            if (System.nanoTime() > deadline) {
                throw NodeInstaller.failed(node.nodeName(), "stop_hive", "rbee-hive on " + node.nodeName()
                        + " still answers at " + url(node) + " after " + STOP_WAIT.toSeconds() + " s");
            }
            events.keepAlive();
            sleep();
        }
        LOG.info("rbee-hive on {} stopped before installing", node.nodeName());
        return true;
    }

    private static boolean answers(HiveClient hive) {
        try {
            hive.health();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static String url(Node node) {
        String host = node.hiveBind() != null ? node.hiveBind() : node.sshHost();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + node.hivePort();
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a hive to stop", e);
        }
    }
}
