package dev.rbee.hive.workers;

import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.hive.HiveSpawnRequest;
import dev.rbee.engine.gguf.ArchitectureSupport;
import dev.rbee.engine.gguf.GgufFormatException;
import dev.rbee.engine.gguf.GgufInfo;
import dev.rbee.engine.gguf.GgufReader;
import dev.rbee.hive.devices.DeviceInventory;
import dev.rbee.hive.devices.GpuDevice;
import dev.rbee.hive.preflight.Sizes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spawn preflight after the catalog step, in api.md §6.2 order: backend, device, GGUF header and architecture,
 * RAM, then for a GPU its temperature, free VRAM and largest free block. The first failure answers; a GPU request is
 * never turned into a CPU worker. What passed is narrated so the caller sees why a device was chosen.
 */
public final class Preflight {
    private static final Logger LOG = LoggerFactory.getLogger(Preflight.class);
    static final int TEMPERATURE_LIMIT_C = 80;

    private final String nodeName;
    private final DeviceInventory devices;
    private final ArchitectureSupport architectures;
    private final long spawnDelayMillis;

    public Preflight(String nodeName, DeviceInventory devices, ArchitectureSupport architectures) {
        this(nodeName, devices, architectures, 0);
    }

    /** {@code spawnDelayMillis}: the test hook {@code hive.spawn_delay_ms} between the checks and the launch (S152). */
    public Preflight(String nodeName, DeviceInventory devices, ArchitectureSupport architectures,
                     long spawnDelayMillis) {
        this.nodeName = nodeName;
        this.devices = devices;
        this.architectures = architectures;
        this.spawnDelayMillis = spawnDelayMillis;
    }

    /** Where the worker goes, the narration of the checks it passed, and the model's size for the last RAM check. */
    public record Plan(String backend, int device, List<String> narration, long modelBytes) {
    }

    /**
     * RAM can run out between the preflight and the launch (other programs, another spawn), so it is checked once
     * more just before the worker starts (S152).
     */
    public void recheckRamBeforeLaunch(Plan plan) {
        if (spawnDelayMillis > 0) {
            try {
                Thread.sleep(spawnDelayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            checkRam(plan.modelBytes(), Sizes.required(plan.modelBytes()));
        } catch (RbeeException e) {
            throw RbeeException.of(ErrorCode.INSUFFICIENT_RAM, e.getMessage()
                    + " (RAM decreased during preflight check)", e.details());
        }
    }

    public Plan check(HiveSpawnRequest request, Path modelPath) {
        List<String> narration = new ArrayList<>();
        String backend = request.backend() != null ? request.backend() : devices.availableBackends().getFirst();
        requireBackend(backend);
        if (request.device() != null) {
            requireDevice(backend, request.device());
        }
        long size = requireLoadableGguf(request.modelRef(), modelPath, backend);
        long required = Sizes.required(size);
        narration.add(checkRam(size, required));
        int device = 0;
        if (!"cpu".equals(backend)) {
            GpuDevice gpu = request.device() != null ? named(backend, request.device(), required, narration)
                    : mostFree(backend, required, narration);
            requireCool(gpu);
            requireBlock(gpu, required);
            device = gpu.index();
        }
        narration.forEach(line -> LOG.info("{}", line));
        return new Plan(backend, device, narration, size);
    }

    /** The RAM check; also run again just before the launch (S152). */
    String checkRam(long size, long required) {
        long available = devices.resources().ramAvailableBytes();
        if (required > available) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("node", nodeName);
            details.put("model_bytes", size);
            details.put("required_bytes", required);
            details.put("available_bytes", available);
            throw RbeeException.of(ErrorCode.INSUFFICIENT_RAM, "Not enough RAM on " + nodeName + ": need "
                    + Sizes.decimal(required) + ", have " + Sizes.decimal(available), details);
        }
        return "✅ RAM check: need " + Sizes.decimal(required) + ", have " + Sizes.decimal(available);
    }

    private GpuDevice named(String backend, int index, long required, List<String> narration) {
        GpuDevice gpu = devices.gpus(backend).stream().filter(g -> g.index() == index).findFirst().orElseThrow();
        if (gpu.freeBytes() < required) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("node", nodeName);
            details.put("backend", backend);
            details.put("device", index);
            details.put("required_bytes", required);
            details.put("available_bytes", gpu.freeBytes());
            throw RbeeException.of(ErrorCode.INSUFFICIENT_VRAM, "Not enough VRAM on " + gpu.label() + " of "
                    + nodeName + ": need " + Sizes.decimal(required) + ", have " + Sizes.decimal(gpu.freeBytes()),
                    details);
        }
        narration.add("✅ Backend " + backend + ": device " + index + " available, " + Sizes.binary(gpu.freeBytes())
                + " free");
        return gpu;
    }

    /** No device given: the one with most free memory (S151), or GPU_VRAM_EXHAUSTED when even that is too small. */
    private GpuDevice mostFree(String backend, long required, List<String> narration) {
        List<GpuDevice> gpus = devices.gpus(backend);
        GpuDevice best = gpus.stream().max(Comparator.comparingLong(GpuDevice::freeBytes)
                .thenComparing(Comparator.comparingInt(GpuDevice::index).reversed())).orElseThrow();
        if (best.freeBytes() < required) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("node", nodeName);
            details.put("backend", backend);
            details.put("required_bytes", required);
            details.put("devices", gpus.stream().map(g -> Map.of("device", g.index(), "free_bytes", g.freeBytes()))
                    .toList());
            throw RbeeException.of(ErrorCode.GPU_VRAM_EXHAUSTED, "No " + backend + " device on " + nodeName
                    + " has " + Sizes.decimal(required) + " of free VRAM (most free: " + best.label() + " with "
                    + Sizes.decimal(best.freeBytes()) + ")", details);
        }
        narration.add("Selected " + backend.toUpperCase(java.util.Locale.ROOT) + " device " + best.index() + " ("
                + Sizes.binary(best.freeBytes()) + " free)");
        return best;
    }

    private void requireCool(GpuDevice gpu) {
        Optional<Integer> temperature = gpu.temperature();
        if (temperature.isPresent() && temperature.get() > TEMPERATURE_LIMIT_C) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("backend", gpu.backend());
            details.put("device", gpu.index());
            details.put("temperature_c", temperature.get());
            details.put("limit_c", TEMPERATURE_LIMIT_C);
            throw RbeeException.of(ErrorCode.GPU_TOO_HOT, gpu.label() + " on " + nodeName + " is at "
                    + temperature.get() + " °C (limit " + TEMPERATURE_LIMIT_C + " °C)", details);
        }
    }

    private static void requireBlock(GpuDevice gpu, long required) {
        if (gpu.largestFreeBlock() < required) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("device", gpu.index());
            details.put("largest_free_block_bytes", gpu.largestFreeBlock());
            details.put("required_bytes", required);
            throw RbeeException.of(ErrorCode.VRAM_FRAGMENTED, gpu.label() + " has " + Sizes.binary(gpu.freeBytes())
                    + " free but no block of " + Sizes.decimal(required), details);
        }
    }

    /** Reads the header only; returns the file's size on disk (S057: the size comes from the disk). */
    private long requireLoadableGguf(String modelRef, Path modelPath, String backend) {
        try {
            GgufInfo info = new GgufReader().read(modelPath);
            Optional<String> why = architectures.incompatibility(info, modelPath);
            if (why.isPresent()) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("reason", why.get());
                details.put("architecture", info.architecture());
                throw RbeeException.of(ErrorCode.MODEL_INCOMPATIBLE, "Model " + modelRef + " cannot run on "
                        + backend + ": " + why.get(), details);
            }
            return Files.size(modelPath);
        } catch (GgufFormatException e) {
            String what = e.getMessage().startsWith("not a GGUF") ? e.getMessage()
                    : "not a loadable GGUF file: " + e.getMessage();
            throw RbeeException.of(ErrorCode.MODEL_INCOMPATIBLE, "Model " + modelRef + " is " + what,
                    Map.of("reason", e.getMessage()));
        } catch (IOException e) {
            throw RbeeException.of(ErrorCode.MODEL_INCOMPATIBLE, "Model " + modelRef + " cannot be read: "
                    + e.getMessage(), Map.of("reason", "unreadable"));
        }
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
        String reason = devices.backend(backend).map(b -> b.reason()).orElse("unknown backend");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("requested", backend);
        details.put("available", available);
        details.put("reason", reason);
        throw RbeeException.of(ErrorCode.BACKEND_UNAVAILABLE, "Backend '" + backend + "' is not available on "
                + nodeName + ". Available: " + String.join(", ", available) + " (" + reason + ")", details);
    }
}
