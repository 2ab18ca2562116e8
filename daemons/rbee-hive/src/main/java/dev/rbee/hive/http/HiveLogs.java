package dev.rbee.hive.http;

import dev.rbee.contract.ApiPaths;
import dev.rbee.contract.RbeeHome;
import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.FieldError;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.sse.EofEvent;
import dev.rbee.contract.sse.LogEvent;
import dev.rbee.daemon.ClientGoneException;
import dev.rbee.daemon.LogFile;
import dev.rbee.daemon.SseChannel;
import dev.rbee.hive.workers.WorkerRegistry;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * {@code GET /v1/logs?worker=&follow=false&lines=100} (api.md §6.1): the last lines of {@code rbee-hive.log} or of
 * {@code logs/<worker-id>.log} as {@code log} events, then {@code eof tail_complete}; with {@code follow=true} the
 * lines appended later too, until the worker's process ends ({@code eof source_stopped}) or the client leaves.
 */
public final class HiveLogs {
    private static final Pattern WORKER_ID = Pattern.compile("worker-[A-Za-z0-9]{1,32}");
    private static final String HIVE = "rbee-hive";
    private static final int MAX_LINES = 10_000;
    private static final long POLL_MS = 200;
    private static final long KEEP_ALIVE_MS = 10_000;

    private final String nodeName;
    private final RbeeHome home;
    private final WorkerRegistry workers;
    private final Json json;
    private volatile boolean stopping;

    public HiveLogs(String nodeName, RbeeHome home, WorkerRegistry workers, Json json) {
        this.nodeName = nodeName;
        this.home = home;
        this.workers = workers;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.get(ApiPaths.HIVE_LOGS, this::logs);
    }

    /** The hive is stopping: followers get {@code eof source_stopped} so the HTTP server can stop at once. */
    public void stop() {
        stopping = true;
    }

    private void logs(Context ctx) throws InterruptedException {
        try {
            stream(ctx);
        } catch (ClientGoneException e) {
            // the reader left (Ctrl+C on logs --follow): nothing to answer, nothing to report
        }
    }

    private void stream(Context ctx) throws ClientGoneException, InterruptedException {
        String worker = ctx.queryParam("worker");
        boolean follow = flag(ctx.queryParam("follow"));
        int lines = lines(ctx.queryParam("lines"));
        String source = worker == null || worker.isEmpty() ? HIVE : worker;
        Path file = source.equals(HIVE) ? home.logFile(HIVE) : workerLog(source);
        BooleanSupplier running = source.equals(HIVE) ? () -> !stopping
                : () -> !stopping && workers.find(source).map(w -> w.process().isAlive()).orElse(false);
        SseChannel channel = SseChannel.open(ctx, json);
        LogFile log = new LogFile(file);
        for (String line : log.lastLines(lines)) {
            channel.send(new LogEvent(nodeName, source, line));
        }
        if (follow) {
            followAppended(channel, log, source, running);
            return;
        }
        channel.send(new EofEvent(EofEvent.TAIL_COMPLETE));
        channel.done();
    }

    private void followAppended(SseChannel channel, LogFile log, String source, BooleanSupplier running)
            throws ClientGoneException, InterruptedException {
        while (true) {
            boolean alive = running.getAsBoolean();
            for (String line : log.appended()) {
                channel.send(new LogEvent(nodeName, source, line));
            }
            if (!alive) { // read once more after the end, so the last lines are not lost
                channel.send(new EofEvent(EofEvent.SOURCE_STOPPED));
                channel.done();
                return;
            }
            channel.keepAliveIfIdle(KEEP_ALIVE_MS);
            Thread.sleep(POLL_MS);
        }
    }

    /** Only ids of the hive's own form name a file, so a query can never reach outside {@code logs/}. */
    private Path workerLog(String workerId) {
        Path file = WORKER_ID.matcher(workerId).matches() ? home.logsDir().resolve(workerId + ".log") : null;
        if (file == null || (!workers.contains(workerId) && !Files.isRegularFile(file))) {
            throw RbeeException.of(ErrorCode.WORKER_NOT_FOUND, "Worker '" + workerId + "' not found",
                    Map.of("worker_id", workerId));
        }
        return file;
    }

    private static boolean flag(String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw RbeeException.invalid(List.of(new FieldError("follow", "boolean", "follow must be true or false",
                value)), null);
    }

    private static int lines(String value) {
        if (value == null) {
            return 100;
        }
        List<FieldError> errors = new ArrayList<>();
        try {
            int n = Integer.parseInt(value);
            if (n >= 0 && n <= MAX_LINES) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError("lines", "range", "lines must be an integer from 0 to " + MAX_LINES, value));
        throw RbeeException.invalid(errors, null);
    }
}
