package dev.rbee.queen.tasks;

import dev.rbee.contract.client.HiveClient;
import dev.rbee.contract.client.SseResponse;
import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.hive.DownloadResponse;
import dev.rbee.contract.sse.CompleteEvent;
import dev.rbee.contract.sse.DownloadingEvent;
import dev.rbee.contract.sse.ErrorEvent;
import dev.rbee.contract.sse.NarrationEvent;
import dev.rbee.contract.sse.SseEvent;
import dev.rbee.contract.sse.SseEventStream;
import java.util.Map;

/**
 * Step 3 of api.md §5.6: ask the hive for the model and, when it has to fetch it, relay {@code downloading} …
 * {@code complete} (and the hive's retry narration) into the task stream. A cancel stops watching at once; the
 * download itself goes on on the hive, so the next job finds the model there (S097).
 */
final class ModelProvisioning {
    private ModelProvisioning() {
    }

    static void ensure(HiveClient hive, String modelRef, TaskStream stream, JobRecord job) {
        DownloadResponse download = hive.modelsDownload(modelRef);
        if (download.alreadyPresent()) {
            return;
        }
        try (SseResponse progress = hive.downloadProgress(download.downloadId())) {
            job.onCancelWhileProvisioning(progress::close);
            SseEventStream events = progress.events();
            while (events.hasNext()) {
                SseEvent event = events.next();
                switch (event) {
                    case DownloadingEvent downloading -> stream.send(downloading);
                    case NarrationEvent narration -> stream.send(new NarrationEvent(narration.actor(),
                            narration.action(), narration.human(), job.jobId()));
                    case CompleteEvent complete -> {
                        job.downloadEnded("completed");
                        stream.send(complete);
                        return;
                    }
                    case ErrorEvent error -> {
                        job.downloadEnded("failed");
                        throw RbeeException.fromEvent(error.code(), error.message(), error.details());
                    }
                    default -> { }
                }
            }
        } finally {
            job.onCancelWhileProvisioning(() -> { });
        }
        if (job.cancelRequested()) {
            throw RbeeException.of(ErrorCode.CANCELLED, "Job " + job.jobId() + " was canceled",
                    Map.of("job_id", job.jobId()));
        }
        throw RbeeException.of(ErrorCode.INTERNAL_ERROR, "The download of " + modelRef + " (" + download.downloadId()
                + ") stopped reporting before it finished");
    }
}
