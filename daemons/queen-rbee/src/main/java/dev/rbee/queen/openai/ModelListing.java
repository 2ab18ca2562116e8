package dev.rbee.queen.openai;

import dev.rbee.contract.client.HiveClient;
import dev.rbee.contract.hive.Model;
import dev.rbee.contract.openai.ModelEntry;
import dev.rbee.contract.openai.ModelList;
import dev.rbee.contract.queen.QWorker;
import dev.rbee.queen.registry.WorkerDirectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/models} (api.md §5.8): the catalog entries of the running hives, local and remote (each asked with a 2 s limit; a slow
 * one is skipped) and the model refs of registered workers, each ref once, in that order. {@code created} is the
 * catalog's download time, or queen's start for a ref only a worker has.
 */
public final class ModelListing {
    private static final Logger LOG = LoggerFactory.getLogger(ModelListing.class);

    private final WorkerDirectory directory;
    private final Supplier<List<HiveClient>> runningHives;
    private final long startedUnix = Instant.now().getEpochSecond();

    /** {@code runningHives} gives a client with a 2 s timeout for every hive that runs now. */
    public ModelListing(WorkerDirectory directory, Supplier<List<HiveClient>> runningHives) {
        this.directory = directory;
        this.runningHives = runningHives;
    }

    public ModelList list() {
        Map<String, ModelEntry> byRef = new LinkedHashMap<>();
        for (HiveClient hive : runningHives.get()) {
            for (Model m : catalog(hive)) {
                byRef.putIfAbsent(m.modelRef(), ModelEntry.of(m.modelRef(), m.downloadedAtUnix()));
            }
        }
        for (QWorker w : directory.list(null)) {
            byRef.putIfAbsent(w.modelRef(), ModelEntry.of(w.modelRef(), startedUnix));
        }
        return ModelList.of(new ArrayList<>(byRef.values()));
    }

    private static List<Model> catalog(HiveClient hive) {
        try {
            return hive.models().models();
        } catch (RuntimeException e) {
            LOG.warn("Skipping a hive's catalog in /v1/models: {}", e.getMessage());
            return List.of();
        }
    }
}
