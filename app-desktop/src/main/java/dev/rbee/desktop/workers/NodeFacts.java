package dev.rbee.desktop.workers;

import dev.rbee.contract.hive.Backend;
import dev.rbee.contract.hive.Device;
import dev.rbee.contract.hive.Model;
import dev.rbee.contract.queen.HiveStatus;
import dev.rbee.keeper.models.ModelCatalog;

import java.util.ArrayList;
import java.util.List;

/** What the start form knows of one node: its hive's report, the registry's backends and its model catalog. */
public record NodeFacts(String node, HiveStatus hive, List<String> registryBackends, List<Model> catalog) {
    public NodeFacts {
        registryBackends = registryBackends == null ? List.of() : List.copyOf(registryBackends);
        catalog = catalog == null ? List.of() : List.copyOf(catalog);
    }

    public static NodeFacts unknown(String node) {
        return new NodeFacts(node, null, List.of(), List.of());
    }

    /** The placement facts for one model ref (its size when the catalog has it). */
    public Placement.Facts forModel(String modelRef) {
        Long size = ModelCatalog.find(catalog, modelRef == null ? "" : modelRef.trim()).map(Model::sizeBytes)
                .orElse(null);
        return new Placement.Facts(node, hive, registryBackends, size);
    }

    /** The backends to choose from: the hive's available ones, else the registry's. */
    public List<String> backends() {
        if (hive != null && hive.backends() != null) {
            return hive.backends().stream().filter(Backend::available).map(Backend::name).toList();
        }
        return registryBackends;
    }

    /** The device indexes the hive reports for a backend; empty when unknown. */
    public List<String> devices(String backend) {
        List<String> indexes = new ArrayList<>();
        if (hive != null && hive.backends() != null) {
            hive.backends().stream().filter(b -> b.name().equals(backend) && b.devices() != null)
                    .flatMap(b -> b.devices().stream()).map(Device::index).forEach(i -> indexes.add(String.valueOf(i)));
        }
        return indexes;
    }
}
