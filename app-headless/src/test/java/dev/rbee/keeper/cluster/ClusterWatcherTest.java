package dev.rbee.keeper.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.contract.client.Endpoint;
import dev.rbee.contract.client.HttpJson;
import dev.rbee.contract.client.QueenClient;
import dev.rbee.contract.json.Json;
import dev.rbee.keeper.cluster.ConnectionState.Phase;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The watcher's connection handling against a scripted events peer (the misbehaviour a real queen cannot show). */
class ClusterWatcherTest {
    private static final Backoff FAST = new Backoff(Duration.ofMillis(20), Duration.ofMillis(80));
    private static final String ONE_WORKER = Wire.snapshot(Wire.node("localhost", "reachable"),
            Wire.hive("localhost", "running"), Wire.worker("w1", "localhost", "idle"), "");
    private static final String NO_WORKER = Wire.snapshot(Wire.node("localhost", "reachable"),
            Wire.hive("localhost", "stopped"), "", "");

    private final List<ClusterUpdate> updates = new CopyOnWriteArrayList<>();
    private ScriptedEvents queen;
    private ClusterWatcher watcher;

    @AfterEach
    void tearDown() {
        if (watcher != null) {
            watcher.close();
        }
        if (queen != null) {
            queen.close();
        }
    }

    private void watch(String url, Duration silenceLimit) {
        QueenClient client = new QueenClient(new HttpJson(Endpoint.of(url, null, Duration.ofSeconds(1),
                Duration.ofSeconds(2)), new Json()));
        watcher = new ClusterWatcher(client, Runnable::run, updates::add, InstantSource.system(), FAST, silenceLimit);
        watcher.start();
    }

    private void await(String what, Predicate<ClusterUpdate> condition) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (updates.stream().anyMatch(condition)) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("never " + what + ": " + updates);
    }

    private static boolean disconnected(ClusterUpdate u, String reason) {
        return u.connection().phase() == Phase.DISCONNECTED && u.connection().reason().equals(reason);
    }

    @Test
    void aCutStreamIsReconnectedFromAFreshSnapshot() throws Exception {
        queen = new ScriptedEvents().then(s -> s.send(ONE_WORKER)).then(s -> s.send(NO_WORKER).hold());
        watch(queen.url(), ClusterWatcher.SILENCE_LIMIT);
        await("connected with a worker", u -> u.connection().connected() && u.state().workers().size() == 1);
        await("disconnected", u -> disconnected(u, "queen closed the event stream"));
        await("reconnected without the worker", u -> u.connection().connected() && u.state().workers().isEmpty());
        assertEquals(Phase.CONNECTING, updates.getFirst().connection().phase());
        ClusterUpdate last = updates.getLast();
        assertTrue(last.state().snapshotAt().isAfter(updates.get(1).state().snapshotAt()));
    }

    @Test
    void shutdownDisconnectsKeepsTheStateAndReconnects() throws Exception {
        queen = new ScriptedEvents()
                .then(s -> s.send(ONE_WORKER).send(Wire.jobEvent("j1", "running", 3)).send("{'type':'shutdown'}")
                        .raw("data: [DONE]\n\n"))
                .then(s -> s.send(NO_WORKER).hold());
        watch(queen.url(), ClusterWatcher.SILENCE_LIMIT);
        await("disconnected by shutdown", u -> disconnected(u, "queen-rbee is shutting down")
                && u.state().workers().size() == 1 && u.state().activeJobs().size() == 1);
        await("reconnected", u -> u.connection().connected() && u.state().activeJobs().isEmpty());
    }

    @Test
    void aSilentStreamIsCutAndKeepAlivesKeepItOpen() throws Exception {
        queen = new ScriptedEvents()
                .then(s -> {
                    s.send(ONE_WORKER);
                    for (int i = 0; i < 8; i++) {
                        Thread.sleep(100);
                        s.raw(": keep-alive\n\n");
                    }
                    s.send(Wire.workerEvent("w1", "localhost", "busy")).hold();
                })
                .then(s -> s.send(NO_WORKER).hold());
        watch(queen.url(), Duration.ofMillis(400));
        await("the worker busy after 800 ms of keep-alives", u -> u.state().workers().containsKey("w1")
                && u.state().workers().get("w1").state().equals("busy"));
        assertTrue(updates.stream().noneMatch(u -> u.connection().phase() == Phase.DISCONNECTED), updates::toString);
        await("cut for silence", u -> disconnected(u, "no word from queen for 400 ms"));
        await("reconnected", u -> u.connection().connected() && u.state().workers().isEmpty());
    }

    @Test
    void aStreamNotStartingWithASnapshotIsRefused() throws Exception {
        queen = new ScriptedEvents().then(s -> s.send(Wire.jobEvent("j1", "running", 1)).hold());
        watch(queen.url(), ClusterWatcher.SILENCE_LIMIT);
        await("refused", u -> disconnected(u, "queen's event stream did not start with a snapshot"));
        assertTrue(updates.stream().noneMatch(u -> u.connection().connected()));
    }

    @Test
    void anAbsentQueenIsRetriedWithGrowingAttemptsAndNoFlicker() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        watch("http://127.0.0.1:" + port, ClusterWatcher.SILENCE_LIMIT);
        await("three attempts", u -> u.connection().attempts() >= 3);
        assertEquals(Phase.CONNECTING, updates.getFirst().connection().phase());
        assertTrue(updates.stream().skip(1).allMatch(u -> u.connection().phase() == Phase.DISCONNECTED),
                updates::toString);
        assertTrue(updates.get(1).connection().reason().contains(String.valueOf(port)), updates::toString);
    }

    @Test
    void closeEndsEveryThreadWhileAStreamIsOpen() throws Exception {
        queen = new ScriptedEvents().then(s -> s.send(ONE_WORKER).hold());
        watch(queen.url(), ClusterWatcher.SILENCE_LIMIT);
        await("connected", u -> u.connection().connected());
        watcher.close();
        assertFalse(watcher.running());
        int seen = updates.size();
        Thread.sleep(200);
        assertEquals(seen, updates.size(), "no update after close");
        assertEquals(1, queen.connections());
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("rbee-cluster-")), "a watcher thread is left");
    }
}
