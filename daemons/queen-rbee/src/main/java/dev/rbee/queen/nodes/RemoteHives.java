package dev.rbee.queen.nodes;

import dev.rbee.contract.client.Endpoint;
import dev.rbee.contract.client.HiveClient;
import dev.rbee.contract.client.HttpJson;
import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.hive.HiveHealth;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.queen.Node;
import dev.rbee.queen.ssh.ShellQuote;
import dev.rbee.queen.ssh.SshConnector;
import dev.rbee.queen.ssh.SshLink;
import dev.rbee.queen.ssh.SshTarget;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hives of registered (remote) nodes. A hive that already answers at the node's address is used as it is
 * ({@link HivePeer}); otherwise queen connects over SSH, checks that rbee is installed there
 * ({@code test -x '<install_path>/bin/rbee-hive'}, S004), runs the preflight of S012 and starts the hive detached
 * (S018), then polls its health every 500 ms for up to 60 s (api.md §5.3).
 */
public final class RemoteHives {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteHives.class);
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);
    static final Duration START_DEADLINE = Duration.ofSeconds(60);
    static final Duration POLL_EVERY = Duration.ofMillis(500);

    private final NodeRegistry registry;
    private final SshConnector connector;
    private final String secret;
    private final Json json;
    /** One start at a time per node: two jobs that find no hive share one start. */
    private final Map<String, Object> startLocks = new ConcurrentHashMap<>();
    /**
     * Nodes whose hive queen started or heard from: the cascade stops these (api.md §12). A hive that merely answers
     * at the node's address without heartbeating to this queen belongs to someone else and is left alone.
     */
    private final Map<String, Long> known = new ConcurrentHashMap<>();
    private volatile String queenUrl;

    public RemoteHives(NodeRegistry registry, SshConnector connector, String secret, Json json) {
        this.registry = registry;
        this.connector = connector;
        this.secret = secret;
        this.json = json;
    }

    /** The URL remote hives heartbeat to: queen's {@code --advertise-url}, else its bind address. */
    public void queenUrl(String url) {
        this.queenUrl = url;
    }

    /**
     * A client for the node's running hive, started over SSH when none answers; or the reason it cannot serve:
     * not registered, not answering in time, off-contract answers, another version, SSH errors, not installed,
     * start failed.
     */
    public HiveClient connect(String name, Consumer<String> narrate) {
        Node node = node(name);
        Optional<HiveClient> running = new HivePeer(node, secret, json).connect(narrate);
        if (running.isPresent()) {
            return running.get(); // not ours to stop unless it heartbeats to this queen (heard)
        }
        synchronized (startLocks.computeIfAbsent(name, n -> new Object())) {
            HivePeer peer = new HivePeer(node, secret, json);
            return peer.connect(narrate).orElseGet(() -> start(node, peer, narrate));
        }
    }

    /** The node's hive when it answers now, without starting it. */
    public Optional<HiveClient> ifRunning(String name) {
        return ifRunning(name, Duration.ofSeconds(10));
    }

    /** As {@link #ifRunning(String)}, with {@code timeout} for the client's requests. */
    public Optional<HiveClient> ifRunning(String name, Duration timeout) {
        HivePeer peer = new HivePeer(node(name), secret, json);
        return alive(peer.url(), Duration.ofSeconds(2)) ? Optional.of(client(peer.url(), timeout)) : Optional.empty();
    }

    public String url(String name) {
        return new HivePeer(node(name), secret, json).url();
    }

    /** A heartbeat from the node's hive: it runs, so the cascade must stop it. */
    public void heard(String name, Long pid) {
        known.merge(name, pid == null ? 0L : pid, (old, now) -> now == 0L ? old : now);
        registry.markConnected(name);
    }

    /** Nodes whose hive may be running (started by this queen, or heard from). */
    public java.util.Set<String> known() {
        return java.util.Set.copyOf(known.keySet());
    }

    /** The hive is gone: the cascade need not stop it again. */
    public void forget(String name) {
        known.remove(name);
    }

    /** The pid of the hive as its start or its heartbeat reported it; 0 when unknown. */
    public long pid(String name) {
        return known.getOrDefault(name, 0L);
    }

    private HiveClient start(Node node, HivePeer peer, Consumer<String> narrate) {
        requireReachableQueen(node);
        String name = node.nodeName();
        narrate.accept("Connecting to " + node.sshUser() + "@" + node.sshHost() + ":" + node.sshPort());
        SshTarget target = target(node);
        long began = System.nanoTime();
        try (SshLink link = connector.connect(target)) {
            RemoteHiveStart start = new RemoteHiveStart(node, link, narrate);
            start.passed("connect and authenticate", (System.nanoTime() - began) / 1_000_000);
            SshLink.Result test = link.exec(ShellQuote.command("test", "-x", start.launcher()), COMMAND_TIMEOUT);
            if (test.exitCode() == null || test.exitCode() != 0) {
                throw RbeeException.of(ErrorCode.HIVE_NOT_INSTALLED, "rbee-hive not found in " + node.installPath()
                        + " on " + name, Map.of("node", name, "install_path", node.installPath()));
            }
            start.preflight();
            long pid = start.start(queenUrl, secret);
            known.put(name, pid);
            awaitAlive(peer.url(), start, pid);
        } catch (IOException e) {
            throw RbeeException.of(ErrorCode.SSH_CONNECTION_FAILED, "SSH connection to " + target.hostPort()
                    + " failed: " + e.getMessage(), Map.of("host", target.host(), "port", target.port()));
        }
        registry.markConnected(name);
        narrate.accept("✅ rbee-hive is running on " + name + " at " + peer.url());
        return peer.connect(narrate).orElseThrow(() -> RbeeException.of(ErrorCode.HIVE_START_FAILED,
                "rbee-hive on " + name + " stopped answering right after its start", Map.of("node", name)));
    }

    /** api.md §5.3: a loopback-bound queen cannot serve a hive on another machine (a loopback node is this one). */
    private void requireReachableQueen(Node node) {
        String queenHost = URI.create(queenUrl).getHost();
        if (isLoopback(queenHost) && !isLoopback(node.sshHost())) {
            throw RbeeException.of(ErrorCode.HIVE_START_FAILED, "queen-rbee listens on " + queenHost
                    + " only; rbee-hive on " + node.nodeName() + " could not reach it",
                    Map.of("node", node.nodeName(), "reason", "queen_loopback"));
        }
    }

    private static boolean isLoopback(String host) {
        return host != null && (host.startsWith("127.") || host.equals("localhost") || host.equals("::1")
                || host.equals("[::1]"));
    }

    /** Health every 500 ms up to 60 s; every 2 s a look whether the process still exists, to fail early. */
    private void awaitAlive(String url, RemoteHiveStart start, long pid) {
        long deadline = System.nanoTime() + START_DEADLINE.toNanos();
        for (int poll = 1; System.nanoTime() < deadline; poll++) {
            if (alive(url, Duration.ofSeconds(2))) {
                return;
            }
            if (poll % 4 == 0 && !start.stillRunning(pid)) {
                known.remove(start.nodeName());
                throw start.notHealthy("exited before it became healthy");
            }
            try {
                Thread.sleep(POLL_EVERY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw start.notHealthy("did not become healthy within " + START_DEADLINE.toSeconds() + " s");
    }

    private boolean alive(String url, Duration timeout) {
        try {
            HiveHealth health = client(url, timeout).health();
            return health != null && HiveHealth.ALIVE.equals(health.status());
        } catch (RuntimeException e) {
            LOG.debug("rbee-hive at {} not answering yet: {}", url, e.getMessage());
            return false;
        }
    }

    private HiveClient client(String url, Duration timeout) {
        return new HiveClient(new HttpJson(Endpoint.of(url, secret, Duration.ofSeconds(2), timeout), json));
    }

    private Node node(String name) {
        return registry.find(name).orElseThrow(() -> NodeRegistry.notFound(name));
    }

    static SshTarget target(Node node) {
        return new SshTarget(node.sshHost(), node.sshPort(), node.sshUser(),
                node.sshKeyPath() == null ? null : Path.of(node.sshKeyPath()), null);
    }

    /** An SSH session to the node, for the stop fallback; closed by the caller. */
    SshLink link(Node node) {
        return connector.connect(target(node));
    }
}
