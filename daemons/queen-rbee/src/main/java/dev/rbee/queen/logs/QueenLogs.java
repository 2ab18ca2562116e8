package dev.rbee.queen.logs;

import dev.rbee.contract.ApiPaths;
import dev.rbee.contract.RbeeHome;
import dev.rbee.contract.client.HiveClient;
import dev.rbee.contract.client.SseResponse;
import dev.rbee.contract.client.UnreachableException;
import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.sse.EofEvent;
import dev.rbee.contract.sse.LogEvent;
import dev.rbee.contract.sse.SseEventStream;
import dev.rbee.daemon.ClientGoneException;
import dev.rbee.daemon.LogFile;
import dev.rbee.daemon.SseChannel;
import dev.rbee.queen.hive.LocalHive;
import dev.rbee.queen.nodes.RemoteLogFiles;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * {@code GET /v2/logs} (api.md §5.7). Queen's own log is read here; a running hive's logs (localhost or a registered
 * node) are relayed from its {@code GET /v1/logs}; a stopped localhost hive's are read from {@code <RBEE_HOME>/logs/}
 * (shared with queen) and a stopped remote hive's over SSH; neither has an end to follow, so {@code follow} then
 * answers {@code HIVE_NOT_RUNNING}.
 */
public final class QueenLogs {
    static final String QUEEN = "queen-rbee";
    private static final String HIVE = "rbee-hive";
    private static final long POLL_MS = 200;
    private static final long KEEP_ALIVE_MS = 10_000;

    private final RbeeHome home;
    private final LocalHive localHive;
    private final Json json;
    private final ScheduledExecutorService timer;
    private final BooleanSupplier stopping;
    private Predicate<String> registered = node -> false;
    private Function<String, Optional<HiveClient>> runningHive = node -> Optional.empty();
    private RemoteLogFiles remoteFiles;

    public QueenLogs(RbeeHome home, LocalHive localHive, Json json, ScheduledExecutorService timer,
                     BooleanSupplier stopping) {
        this.home = home;
        this.localHive = localHive;
        this.json = json;
        this.timer = timer;
        this.stopping = stopping;
    }

    public void register(RoutesConfig routes) {
        routes.get(ApiPaths.LOGS, this::logs);
    }

    private void logs(Context ctx) throws InterruptedException {
        LogQuery query = LogQuery.parse(ctx.queryParam("node"), ctx.queryParam("worker"), ctx.queryParam("follow"),
                ctx.queryParam("lines"));
        try {
            if (query.node() == null) {
                fromFile(ctx, query, home.logFile(QUEEN), LocalHive.NODE, QUEEN, () -> !stopping.getAsBoolean());
            } else {
                nodeLogs(ctx, query);
            }
        } catch (ClientGoneException e) {
            // the reader left (Ctrl+C on logs --follow): nothing to answer
        }
    }

    /**
     * Registered nodes, a client for a node's hive when it answers now (without starting it), and the node's files
     * for when it does not.
     */
    public QueenLogs remoteNodes(Predicate<String> registered, Function<String, Optional<HiveClient>> runningHive,
                                 RemoteLogFiles remoteFiles) {
        this.registered = registered;
        this.runningHive = runningHive;
        this.remoteFiles = remoteFiles;
        return this;
    }

    private void nodeLogs(Context ctx, LogQuery query) throws ClientGoneException, InterruptedException {
        if (!LocalHive.NODE.equals(query.node())) {
            remoteNodeLogs(ctx, query);
            return;
        }
        Path file = query.worker() == null ? home.logFile(HIVE) : workerLog(query.worker());
        Optional<HiveClient> hive = localHive.clientIfRunning();
        if (hive.isPresent()) {
            try {
                relay(ctx, hive.get().logs(query.worker(), query.follow(), query.lines()));
                return;
            } catch (UnreachableException e) {
                // stopped between the check and the call: read the file as for a stopped hive
            }
        }
        if (query.follow()) {
            throw notRunning(query.node());
        }
        fromFile(ctx, query, file, query.node(), query.worker() == null ? HIVE : query.worker(), () -> false);
    }

    /**
     * A registered node's logs come from its running hive's {@code GET /v1/logs}; a stopped hive's files are read on
     * the node over SSH, which has no end to follow.
     */
    private void remoteNodeLogs(Context ctx, LogQuery query) throws ClientGoneException, InterruptedException {
        if (!registered.test(query.node())) {
            throw RbeeException.of(ErrorCode.NODE_NOT_FOUND, "Node '" + query.node() + "' is not registered",
                    Map.of("node", query.node()));
        }
        Optional<HiveClient> hive = runningHive.apply(query.node());
        if (hive.isPresent()) {
            try {
                relay(ctx, hive.get().logs(query.worker(), query.follow(), query.lines()));
                return;
            } catch (UnreachableException e) {
                // stopped between the check and the call
            }
        }
        if (query.follow()) {
            throw notRunning(query.node());
        }
        if (query.worker() != null && !LogQuery.WORKER_ID.matcher(query.worker()).matches()) {
            throw workerNotFound(query.worker());
        }
        String source = query.worker() == null ? HIVE : query.worker();
        List<String> lines = remoteFiles.tail(query.node(), source + ".log", query.lines()).orElseGet(() -> {
            if (query.worker() != null) {
                throw workerNotFound(query.worker());
            }
            return List.of();
        });
        SseChannel channel = SseChannel.open(ctx, json);
        for (String line : lines) {
            channel.send(new LogEvent(query.node(), source, line));
        }
        channel.send(new EofEvent(EofEvent.TAIL_COMPLETE));
        channel.done();
    }

    private static RbeeException notRunning(String node) {
        return RbeeException.of(ErrorCode.HIVE_NOT_RUNNING, "rbee-hive is not running on " + node,
                Map.of("node", node));
    }

    private static RbeeException workerNotFound(String workerId) {
        return RbeeException.of(ErrorCode.WORKER_NOT_FOUND, "Worker '" + workerId + "' not found",
                Map.of("worker_id", workerId));
    }

    private Path workerLog(String workerId) {
        Path file = home.logsDir().resolve(workerId + ".log");
        if (!LogQuery.WORKER_ID.matcher(workerId).matches() || !Files.isRegularFile(file)) {
            throw workerNotFound(workerId);
        }
        return file;
    }

    /**
     * Forwards the hive's events unchanged. A hive stream that breaks off without {@code eof} means the hive went
     * away, which for a follower is the source stopping. Keep-alives go out on queen's own clock, and a reader that
     * left closes the hive stream at the next one.
     */
    private void relay(Context ctx, SseResponse response) throws ClientGoneException {
        SseChannel channel = SseChannel.open(ctx, json);
        ScheduledFuture<?> keepAlive = timer.scheduleAtFixedRate(() -> {
            try {
                channel.keepAliveIfIdle(KEEP_ALIVE_MS);
            } catch (ClientGoneException e) {
                response.close();
            }
        }, 1, 1, TimeUnit.SECONDS);
        try (response) {
            SseEventStream events = response.events();
            while (events.hasNext()) {
                SseEventStream.Received received = events.nextReceived();
                channel.sendJson(received.json());
                if (received.event() instanceof EofEvent) {
                    channel.done();
                    return;
                }
            }
            channel.send(new EofEvent(EofEvent.SOURCE_STOPPED));
            channel.done();
        } finally {
            keepAlive.cancel(false);
        }
    }

    private void fromFile(Context ctx, LogQuery query, Path file, String node, String source, BooleanSupplier alive)
            throws ClientGoneException, InterruptedException {
        SseChannel channel = SseChannel.open(ctx, json);
        LogFile log = new LogFile(file);
        for (String line : log.lastLines(query.lines())) {
            channel.send(new LogEvent(node, source, line));
        }
        if (query.follow()) {
            while (alive.getAsBoolean()) {
                for (String line : log.appended()) {
                    channel.send(new LogEvent(node, source, line));
                }
                channel.keepAliveIfIdle(KEEP_ALIVE_MS);
                Thread.sleep(POLL_MS);
            }
        }
        channel.send(new EofEvent(query.follow() ? EofEvent.SOURCE_STOPPED : EofEvent.TAIL_COMPLETE));
        channel.done();
    }
}
