package dev.rbee.hive.workers;

import dev.rbee.contract.WorkerState;
import dev.rbee.contract.client.Endpoint;
import dev.rbee.contract.client.HttpJson;
import dev.rbee.contract.client.SseResponse;
import dev.rbee.contract.client.WorkerClient;
import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.ErrorSummary;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.sse.LoadingEvent;
import dev.rbee.contract.sse.SseEvent;
import dev.rbee.contract.sse.SseEventStream;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a new worker's loading progress and stops it when it is not ready within the loading timeout (api.md §6.2,
 * §11: 5 min). The entry then stays listed in state {@code error} with {@code LOADING_TIMEOUT}, saying how far it got,
 * so queen can tell the user why (scenarios.md S077, S078).
 */
public final class LoadingWatch {
    private static final Logger LOG = LoggerFactory.getLogger(LoadingWatch.class);
    private static final Duration KILL_AFTER = Duration.ofSeconds(5);

    private final Duration timeout;
    private final WorkerStopper stopper;
    private final String secret;
    private final Json json;
    private final ScheduledExecutorService timer;

    public LoadingWatch(Duration timeout, WorkerStopper stopper, String secret, Json json,
                        ScheduledExecutorService timer) {
        this.timeout = timeout;
        this.stopper = stopper;
        this.secret = secret;
        this.json = json;
        this.timer = timer;
    }

    public void watch(WorkerEntry entry) {
        Thread.ofVirtual().name("loading-" + entry.workerId()).start(() -> follow(entry));
        timer.schedule(() -> Thread.ofVirtual().start(() -> check(entry)), timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Records each {@code loading} event on the entry until the stream ends (ready, error or the worker gone). */
    private void follow(WorkerEntry entry) {
        WorkerClient client = new WorkerClient(new HttpJson(Endpoint.of(entry.url(), secret, Duration.ofSeconds(2),
                timeout.plus(KILL_AFTER)), json));
        try (SseResponse progress = client.loadingProgress()) {
            SseEventStream events = progress.events();
            while (events.hasNext()) {
                SseEvent event = events.next();
                if (!(event instanceof LoadingEvent loading)) {
                    return;
                }
                entry.loadingProgress(loading.layersLoaded(), loading.layersTotal());
            }
        } catch (RuntimeException e) {
            LOG.debug("Loading progress of {} ended: {}", entry.workerId(), e.getMessage());
        }
    }

    private void check(WorkerEntry entry) {
        if (!WorkerState.LOADING.equals(entry.state()) || entry.hasFailed()) {
            return;
        }
        String layers = entry.layersText();
        entry.failed(new ErrorSummary(ErrorCode.LOADING_TIMEOUT.name(), "Model loading timed out after "
                + inWords(timeout) + " (stuck at " + layers + " layers)"));
        stopper.stopWithin(entry, KILL_AFTER);
        LOG.warn("Worker {} did not finish loading within {} s ({} layers); stopped", entry.workerId(),
                timeout.toSeconds(), layers);
    }

    /** {@code 5 min}, {@code 90 s}; a shortened test setting below a second stays exact. */
    static String inWords(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 60_000 == 0) {
            return millis / 60_000 + " min";
        }
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
