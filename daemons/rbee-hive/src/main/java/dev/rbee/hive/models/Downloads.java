package dev.rbee.hive.models;

import dev.rbee.contract.Ids;
import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The hive's downloads by id. Requests for a file that is already downloading join that download; a finished one
 * stays reachable by id for 10 min (api.md §11) so a late subscriber still gets its terminal event.
 */
public final class Downloads {
    public static final Duration KEEP_FINISHED = Duration.ofMinutes(10);

    private final Map<String, Download> byId = new ConcurrentHashMap<>();
    private final Map<String, Download> running = new ConcurrentHashMap<>();
    private final Ids ids = new Ids();

    /** Joins the running download of {@code key}, or creates one and hands it to {@code start} (in the lock). */
    public synchronized Joined startOrJoin(String key, String modelRef, Consumer<Download> start) {
        Download existing = running.get(key);
        if (existing != null) {
            return new Joined(existing, false);
        }
        Download download = new Download(newId(), key, modelRef);
        byId.put(download.id(), download);
        running.put(key, download);
        start.accept(download);
        return new Joined(download, true);
    }

    /** A download that is over before it starts (the model was already there); replays its terminal event. */
    public synchronized Download finishedNow(String key, String modelRef, dev.rbee.contract.sse.SseEvent terminal) {
        Download download = new Download(newId(), key, modelRef);
        download.publish(terminal);
        byId.put(download.id(), download);
        forgetLater(download);
        return download;
    }

    /** Called by the download's own thread after its terminal event. */
    public void finished(Download download) {
        running.remove(download.key(), download);
        forgetLater(download);
    }

    public Optional<Download> runningFor(String key) {
        return Optional.ofNullable(running.get(key));
    }

    public Download get(String id) {
        Download download = id == null ? null : byId.get(id);
        if (download == null) {
            throw RbeeException.of(ErrorCode.DOWNLOAD_NOT_FOUND, "Download '" + id + "' not found",
                    Map.of("download_id", String.valueOf(id)));
        }
        return download;
    }

    private void forgetLater(Download download) {
        CompletableFuture.delayedExecutor(KEEP_FINISHED.toMillis(), TimeUnit.MILLISECONDS)
                .execute(() -> byId.remove(download.id(), download));
    }

    private String newId() {
        String id = ids.newDownloadId();
        while (byId.containsKey(id)) {
            id = ids.newDownloadId();
        }
        return id;
    }

    public record Joined(Download download, boolean started) {
    }
}
