package dev.rbee.hive.workers;

import dev.rbee.contract.WorkerState;
import dev.rbee.contract.error.Component;
import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.hive.HiveSpawnRequest;
import dev.rbee.contract.hive.HiveSpawnResponse;
import dev.rbee.contract.validation.SpawnValidation;
import dev.rbee.hive.devices.DeviceInventory;
import dev.rbee.hive.models.SpawnModels;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code POST /v1/workers/spawn}: validate, check the backend, find the model file, launch (api.md §6.2). */
public final class SpawnService {
    private final String nodeName;
    private final DeviceInventory devices;
    private final SpawnModels models;
    private final WorkerLauncher launcher;

    public SpawnService(String nodeName, DeviceInventory devices, SpawnModels models, WorkerLauncher launcher) {
        this.nodeName = nodeName;
        this.devices = devices;
        this.models = models;
        this.launcher = launcher;
    }

    public HiveSpawnResponse spawn(HiveSpawnRequest request) {
        SpawnValidation.validate(request, Component.HIVE);
        String backend = request.backend() != null ? request.backend() : devices.availableBackends().getFirst();
        int slots = request.slots() != null ? request.slots() : 1;
        Path modelPath = models.resolve(request.modelRef());
        requireBackend(backend);
        int device = request.device() != null ? request.device() : devices.defaultDevice(backend);
        requireDevice(backend, device);
        WorkerEntry entry = launcher.launch(new WorkerLauncher.Launch(request.modelRef(), modelPath, backend, device,
                slots));
        return new HiveSpawnResponse(entry.workerId(), entry.url(), WorkerState.LOADING, backend, device,
                Integer.parseInt(entry.url().substring(entry.url().lastIndexOf(':') + 1)));
    }


    private void requireDevice(String backend, int device) {
        List<Integer> available = devices.deviceIndexes(backend);
        if (available.contains(device)) {
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("backend", backend);
        details.put("device", device);
        details.put("available", available);
        throw RbeeException.of(ErrorCode.GPU_NOT_AVAILABLE, "Device " + device + " not available for " + backend
                + " on " + nodeName + ". Available: " + available, details);
    }

    private void requireBackend(String backend) {
        if (devices.isAvailable(backend)) {
            return;
        }
        List<String> available = devices.availableBackends().stream().sorted().toList();
        String reason = devices.backends().backends().stream().filter(b -> b.name().equals(backend))
                .map(b -> b.reason()).findFirst().orElse("unknown backend");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("requested", backend);
        details.put("available", available);
        details.put("reason", reason);
        throw RbeeException.of(ErrorCode.BACKEND_UNAVAILABLE, "Backend '" + backend + "' is not available on "
                + nodeName + ". Available: " + String.join(", ", available) + " (" + reason + ")", details);
    }
}
