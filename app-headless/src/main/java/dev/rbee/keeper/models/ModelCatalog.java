package dev.rbee.keeper.models;

import dev.rbee.contract.hive.Model;

import java.util.List;
import java.util.Optional;

/** The catalog look-up of {@code models rm} (cli.md §11); its lines are in {@code cli.models.ModelLines}. */
public final class ModelCatalog {
    private ModelCatalog() {
    }

    /** The entry a {@code models rm} argument names: its catalog id or its model ref. */
    public static Optional<Model> find(List<Model> models, String idOrRef) {
        return models.stream()
                .filter(model -> model.id().equals(idOrRef) || model.modelRef().equals(idOrRef))
                .findFirst();
    }
}
