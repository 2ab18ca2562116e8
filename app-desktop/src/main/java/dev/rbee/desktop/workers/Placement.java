package dev.rbee.desktop.workers;

import dev.rbee.contract.hive.Backend;
import dev.rbee.contract.hive.Device;
import dev.rbee.contract.queen.HiveStatus;
import dev.rbee.keeper.cli.infer.Formats;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The placement preview: whether a worker for a model fits a backend and device of a node, checked before anything
 * is started with the hive's own rules (api.md §6.2): backend available → device exists → RAM ≥ size × 1.2 → for a
 * GPU, free VRAM ≥ size × 1.2 on the named device (or on some device when none is named). Pure: it sees what the
 * node last reported; the hive checks again when the worker starts.
 */
public final class Placement {
    /** Which check failed; {@code NONE} when the choice fits (or cannot be judged yet). */
    public enum Problem { NONE, BACKEND, DEVICE, RAM, VRAM }

    /** The verdict and the sentence that explains it. */
    public record Verdict(Problem problem, String text) {
        public boolean fits() {
            return problem == Problem.NONE;
        }

        static Verdict fits(String text) {
            return new Verdict(Problem.NONE, text);
        }
    }

    /**
     * What is known of the node: its name, its hive's report (backends with devices, available RAM; null fields when
     * the hive is not running), the backends the registry stored at the last hive start, and the model's size from
     * the node's catalog (null when the model is not there yet).
     */
    public record Facts(String node, HiveStatus hive, List<String> registryBackends, Long modelBytes) {
        public Facts {
            registryBackends = registryBackends == null ? List.of() : List.copyOf(registryBackends);
        }
    }

    private Placement() {
    }

    /** What a model of this size needs in RAM or VRAM: {@code ceil(size × 1.2)}, as the hive computes it. */
    public static long required(long modelBytes) {
        return (modelBytes * 6 + 4) / 5;
    }

    /** {@code backend} null lets the hive pick (cuda, metal, cpu: the first available); {@code device} needs one. */
    public static Verdict check(Facts facts, String backend, Integer device) {
        List<Backend> reported = facts.hive() == null || facts.hive().backends() == null ? null
                : facts.hive().backends();
        String chosen = backend != null ? backend : firstAvailable(reported, facts.registryBackends());
        Optional<Verdict> backendProblem = checkBackend(facts, reported, chosen);
        if (backendProblem.isPresent()) {
            return backendProblem.get();
        }
        if (reported == null) {
            return Verdict.fits("The hive on " + facts.node() + " is not running: RAM and VRAM are checked when it "
                    + "starts the worker");
        }
        Backend info = reported.stream().filter(b -> b.name().equals(chosen)).findFirst().orElseThrow();
        List<Device> devices = info.devices() == null ? List.of() : info.devices();
        if (device != null && devices.stream().noneMatch(d -> d.index() == device)) {
            return new Verdict(Problem.DEVICE, "No device " + device + " for " + chosen + " on " + facts.node()
                    + " (devices: " + indexes(devices) + ")");
        }
        if (facts.modelBytes() == null) {
            return Verdict.fits("The model is not on " + facts.node() + " yet: it is downloaded first, then RAM and "
                    + "VRAM are checked");
        }
        long need = required(facts.modelBytes());
        Optional<Verdict> ram = checkRam(facts, need);
        if (ram.isPresent()) {
            return ram.get();
        }
        if ("cpu".equals(chosen)) {
            return Verdict.fits("Fits on " + facts.node() + " (cpu): needs " + Formats.bytes(need) + " of RAM, "
                    + Formats.bytes(facts.hive().resources().ramAvailableBytes()) + " available");
        }
        return checkVram(facts.node(), chosen, device, devices, need);
    }

    private static Optional<Verdict> checkBackend(Facts facts, List<Backend> reported, String chosen) {
        if (chosen == null) {
            return Optional.of(new Verdict(Problem.BACKEND, "No backend is available on " + facts.node()));
        }
        if (reported == null) {
            boolean known = facts.registryBackends().isEmpty() || facts.registryBackends().contains(chosen);
            return known ? Optional.empty() : Optional.of(new Verdict(Problem.BACKEND, "Backend " + chosen
                    + " is not available on " + facts.node() + " (available: "
                    + String.join(", ", facts.registryBackends()) + ")"));
        }
        Optional<Backend> info = reported.stream().filter(b -> b.name().equals(chosen)).findFirst();
        if (info.isPresent() && info.get().available()) {
            return Optional.empty();
        }
        String why = info.map(Backend::reason).filter(r -> !r.isBlank()).map(r -> ": " + r).orElse("");
        List<String> available = reported.stream().filter(Backend::available).map(Backend::name).toList();
        return Optional.of(new Verdict(Problem.BACKEND, "Backend " + chosen + " is not available on " + facts.node()
                + why + " (available: " + String.join(", ", available) + ")"));
    }

    private static Optional<Verdict> checkRam(Facts facts, long need) {
        if (facts.hive().resources() == null) {
            return Optional.empty();
        }
        long have = facts.hive().resources().ramAvailableBytes();
        return need > have ? Optional.of(new Verdict(Problem.RAM, "Not enough RAM on " + facts.node() + ": need "
                + Formats.bytes(need) + ", have " + Formats.bytes(have))) : Optional.empty();
    }

    private static Verdict checkVram(String node, String backend, Integer device, List<Device> devices, long need) {
        Optional<Device> target = device != null
                ? devices.stream().filter(d -> d.index() == device).findFirst()
                : devices.stream().max(Comparator.comparingLong(Device::vramFreeBytes));
        if (target.isEmpty()) {
            return new Verdict(Problem.DEVICE, "No " + backend + " device on " + node);
        }
        Device d = target.get();
        String label = backend + ":" + d.index();
        if (d.vramFreeBytes() < need) {
            String text = device != null
                    ? "Not enough VRAM on " + label + " of " + node + ": need " + Formats.bytes(need) + ", have "
                            + Formats.bytes(d.vramFreeBytes())
                    : "No " + backend + " device on " + node + " has " + Formats.bytes(need) + " of free VRAM (most "
                            + "free: " + label + " with " + Formats.bytes(d.vramFreeBytes()) + ")";
            return new Verdict(Problem.VRAM, text);
        }
        return Verdict.fits("Fits on " + label + " of " + node + ": needs " + Formats.bytes(need) + " of VRAM, "
                + Formats.bytes(d.vramFreeBytes()) + " free");
    }

    private static String firstAvailable(List<Backend> reported, List<String> registry) {
        if (reported != null) {
            for (String name : List.of("cuda", "metal", "cpu")) {
                if (reported.stream().anyMatch(b -> b.name().equals(name) && b.available())) {
                    return name;
                }
            }
            return null;
        }
        return registry.isEmpty() ? "cpu" : registry.getFirst();
    }

    private static String indexes(List<Device> devices) {
        return devices.isEmpty() ? "none" : String.join(", ", devices.stream()
                .map(d -> String.valueOf(d.index())).toList()).toLowerCase(Locale.ROOT);
    }
}
