package dev.rbee.hive.workers;

import dev.rbee.contract.WorkerState;
import dev.rbee.contract.error.Component;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.hive.HiveSpawnRequest;
import dev.rbee.contract.hive.HiveSpawnResponse;
import dev.rbee.contract.validation.SpawnValidation;
import dev.rbee.hive.devices.DeviceInventory;
import dev.rbee.hive.models.SpawnModels;
import java.nio.file.Path;
import java.util.List;

/** {@code POST /v1/workers/spawn}: validate, find the model file, run the {@link Preflight}, launch (api.md §6.2). */
public final class SpawnService {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SpawnService.class);
    private final String nodeName;
    private final DeviceInventory devices;
    private final SpawnModels models;
    private final WorkerLauncher launcher;
    private final Preflight preflight;

    public SpawnService(String nodeName, DeviceInventory devices, SpawnModels models, WorkerLauncher launcher,
                        Preflight preflight) {
        this.nodeName = nodeName;
        this.devices = devices;
        this.models = models;
        this.launcher = launcher;
        this.preflight = preflight;
    }

    public HiveSpawnResponse spawn(HiveSpawnRequest request) {
        return spawn(request, null);
    }

    /**
     * {@code correlationId} is the caller's {@code X-Correlation-Id} (queen sends the job id of the task the worker
     * is for, api.md §1), written into the spawn's log line so that the hive's log names the job (S158); null if none.
     */
    public HiveSpawnResponse spawn(HiveSpawnRequest request, String correlationId) {
        SpawnValidation.validate(request, Component.HIVE);
        int slots = request.slots() != null ? request.slots() : 1;
        Path modelPath = models.resolve(request.modelRef());
        Preflight.Plan plan = plan(request, modelPath);
        LOG.info("Spawning a worker for {} on {}:{}{}", request.modelRef(), plan.backend(), plan.device(),
                correlationId == null ? "" : " (correlation " + correlationId + ")");
        List<String> narration = new java.util.ArrayList<>(plan.narration());
        WorkerEntry entry = launcher.launch(new WorkerLauncher.Launch(request.modelRef(), modelPath, plan.backend(),
                plan.device(), slots), narration::add);
        return new HiveSpawnResponse(entry.workerId(), entry.url(), WorkerState.LOADING, plan.backend(),
                plan.device(), Integer.parseInt(entry.url().substring(entry.url().lastIndexOf(':') + 1)),
                narration);
    }

    private Preflight.Plan plan(HiveSpawnRequest request, Path modelPath) {
        try {
            Preflight.Plan plan = preflight.check(request, modelPath);
            preflight.recheckRamBeforeLaunch(plan);
            return plan;
        } catch (RbeeException e) {
            throw models.explainTooBig(e, request.modelRef());
        }
    }
}
