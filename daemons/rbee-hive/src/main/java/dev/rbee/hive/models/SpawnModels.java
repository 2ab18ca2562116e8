package dev.rbee.hive.models;

import dev.rbee.contract.error.RbeeException;
import java.nio.file.Path;

/**
 * The file a spawn loads (api.md §6.2): {@code demo:tiny} is generated and {@code file:} refs registered on first
 * use; a Hugging Face ref must already be in the catalog (404 MODEL_NOT_FOUND {@code not_in_catalog}), since queen
 * downloads it before it spawns.
 */
public final class SpawnModels {
    private final ModelService models;

    public SpawnModels(ModelService models) {
        this.models = models;
    }

    public Path resolve(String modelRef) {
        return models.resolveForSpawn(modelRef);
    }

    /** A RAM or VRAM failure gains the repo's largest quantization that would fit, when there is one. */
    public RbeeException explainTooBig(RbeeException error, String modelRef) {
        return models.smallerQuantization().withSuggestion(error, modelRef);
    }
}
