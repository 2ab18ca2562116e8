package dev.rbee.hive.models;

import dev.rbee.contract.ModelRef;
import dev.rbee.contract.WorkerState;
import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.hive.DeleteModelResponse;
import dev.rbee.contract.hive.Model;
import dev.rbee.hive.workers.WorkerEntry;
import dev.rbee.hive.workers.WorkerRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code DELETE /v1/models/{id}}: refused while a live worker has the model loaded; the file goes only when it lies
 * under {@code models/} (a {@code file:} model is just unregistered, and frees nothing).
 */
public final class ModelRemoval {
    private final String nodeName;
    private final ModelService models;
    private final WorkerRegistry workers;

    public ModelRemoval(String nodeName, ModelService models, WorkerRegistry workers) {
        this.nodeName = nodeName;
        this.models = models;
        this.workers = workers;
    }

    public DeleteModelResponse delete(String idOrRef) {
        Model model = find(idOrRef).orElseThrow(() -> RbeeException.of(ErrorCode.MODEL_NOT_FOUND, "Model '" + idOrRef
                + "' is not in the catalog on " + nodeName, Map.of("model_ref", idOrRef, "reason",
                "not_in_catalog")));
        List<String> users = usersOf(model);
        if (!users.isEmpty()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("model_id", model.id());
            details.put("workers", users);
            throw RbeeException.of(ErrorCode.MODEL_IN_USE, "Model is loaded by worker " + String.join(", ", users),
                    details);
        }
        Path file = Path.of(model.localPath());
        long freed = 0;
        if (models.files().owns(file)) {
            try {
                freed = Files.deleteIfExists(file) ? model.sizeBytes() : 0;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot delete " + file, e);
            }
        }
        models.catalog().delete(model.id());
        return new DeleteModelResponse(model.id(), freed);
    }

    private Optional<Model> find(String idOrRef) {
        Optional<Model> byId = models.catalog().byId(idOrRef);
        if (byId.isPresent()) {
            return byId;
        }
        return ModelRef.tryParse(idOrRef).flatMap(models::cached);
    }

    /** Workers not yet gone whose ref means this model now. */
    private List<String> usersOf(Model model) {
        return workers.all().stream()
                .filter(w -> !WorkerState.ERROR.equals(w.state()))
                .filter(w -> ModelRef.tryParse(w.modelRef()).flatMap(models::cached)
                        .map(m -> m.id().equals(model.id())).orElse(false))
                .map(WorkerEntry::workerId).sorted().toList();
    }
}
