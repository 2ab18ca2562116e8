package dev.rbee.keeper.cli;

import dev.rbee.contract.ModelRef;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.keeper.KeeperErrors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code 💡} lines keeper appends to an error (cli.md §4, §5, §10.3), with the user's real values filled in. */
public final class Suggestions {
    /** Set by the CLI on the usage errors it raises itself; used instead of the generic help hint. */
    public static final String DETAILS_KEY = "suggestions";
    private static final String WORKER_LOG = "See the worker log: rbee-keeper logs --node %s --worker %s";
    private static final String CPU_HINT =
            "rbee never falls back to the CPU on its own; to run on the CPU pass --backend cpu";

    private Suggestions() {
    }

    public static List<String> of(RbeeException e, ErrorContext context) {
        if (e.details().get(DETAILS_KEY) instanceof List<?> given) {
            return given.stream().map(String::valueOf).toList();
        }
        Map<String, Object> d = e.details();
        String node = text(d, "node").orElse(context.node() == null ? "<node>" : context.node());
        if (fromHive(d) && ("CONNECTION_TIMEOUT".equals(e.code()) || "HIVE_UNREACHABLE".equals(e.code()))) {
            return List.of("See the hive log: rbee-keeper logs --node " + node);
        }
        return switch (e.code()) {
            case KeeperErrors.USAGE_ERROR -> usage(d, context);
            case KeeperErrors.QUEEN_UNREACHABLE -> Boolean.TRUE.equals(d.get(KeeperErrors.LOOPBACK))
                    ? List.of("Start it: rbee-keeper daemon start")
                    : List.of("Check that queen-rbee runs on " + d.get(KeeperErrors.HOST)
                    + " and that --queen-url is right");
            case KeeperErrors.QUEEN_START_FAILED -> List.of("Full log: " + d.get(KeeperErrors.LOG_PATH));
            case KeeperErrors.PORT_IN_USE -> List.of("Use another port: --queen-url http://127.0.0.1:"
                    + (((Number) d.get(KeeperErrors.PORT)).intValue() + 1));
            case KeeperErrors.QUEEN_NOT_OWNED ->
                    List.of("Stop it the way it was started (for example: systemctl stop queen-rbee)");
            case "MISSING_API_KEY", "INVALID_API_KEY" -> List.of("Set api_key in "
                    + context.home().configToml() + " or export RBEE_API_KEY");
            case "WORKER_NOT_FOUND" -> List.of("List workers: rbee-keeper worker list");
            case "INTERNAL_ERROR" -> fromHive(d) ? List.of("Restart it: rbee-keeper hive stop --node " + node
                    + " && rbee-keeper hive start --node " + node)
                    : List.of("See the log: " + context.home().logFile("queen-rbee"));
            case "VERSION_MISMATCH" ->
                    List.of("Install the matching version: rbee-keeper setup install --node " + node);
            case "HIVE_NOT_RUNNING" -> List.of("Start it: rbee-keeper hive start --node " + node);
            case "NODE_NOT_FOUND" -> List.of("Add it first: rbee-keeper setup add-node --name " + node
                    + " --ssh-host <host> --ssh-user <user>");
            case "NODE_ALREADY_EXISTS", "CONNECTION_TIMEOUT", "SSH_CONNECTION_FAILED", "SSH_AUTH_FAILED",
                 "HOST_KEY_UNKNOWN", "HOST_KEY_MISMATCH", "HIVE_NOT_INSTALLED", KeeperErrors.SSH_KEY_NOT_FOUND,
                 "JAVA_NOT_FOUND", "INSTALL_FAILED" ->
                    SetupErrors.suggestions(e.code(), d, node);
            default -> inference(e.code(), d, context, node);
        };
    }

    /** queen says {@code target:"hive"} when the node's hive, not SSH or queen itself, failed (S033, S034). */
    private static boolean fromHive(Map<String, Object> d) {
        return "hive".equals(d.get("target"));
    }

    private static List<String> usage(Map<String, Object> d, ErrorContext context) {
        if ("--model".equals(d.get("missing"))) {
            return List.of("Try the built-in demo model: --model demo:tiny");
        }
        String command = context.command() == null || context.command().isEmpty() ? "" : context.command() + " ";
        return List.of("See: rbee-keeper " + command + "--help");
    }

    /** Only a miss on the hub is about the name; a missing file or catalog entry needs another remedy. */
    private static List<String> modelNotFound(Map<String, Object> d, Optional<ModelRef> hf, String node) {
        return switch (String.valueOf(d.get("reason"))) {
            case "file_missing" -> List.of("Check that the file exists on " + node + " and is readable");
            case "not_in_catalog" -> List.of("Try the built-in demo model: --model demo:tiny");
            default -> hf.map(ref -> List.of("Check the name at https://huggingface.co/" + ref.reference()))
                    .orElse(List.of());
        };
    }

    /** The catalogue of cli.md §10.3 for {@code infer} (and later {@code worker start}). */
    private static List<String> inference(String code, Map<String, Object> d, ErrorContext context, String node) {
        Optional<ModelRef> hf = Optional.ofNullable(context.model()).flatMap(ModelRef::tryParse)
                .filter(ModelRef::isHf);
        List<String> smaller = smallerQuantization(d, hf.isPresent());
        String model = context.model() == null ? "<model>" : context.model();
        String worker = text(d, "worker_id").orElse(context.workerId() == null ? "<worker-id>" : context.workerId());
        return switch (code) {
            case "MODEL_NOT_FOUND" -> modelNotFound(d, hf, node);
            case "MODEL_ACCESS_DENIED" -> List.of("Accept the model's terms on huggingface.co, then set a token on "
                    + "the node: export HF_TOKEN=<your token>");
            case "DOWNLOAD_TIMEOUT", "DOWNLOAD_FAILED" ->
                    List.of("Re-run the same command; the download resumes where it stopped");
            case "INSUFFICIENT_DISK" -> List.of("Free space, for example: rbee-keeper models rm --node " + node
                    + " <model-id>", "List models: rbee-keeper models list --node " + node);
            case "DISK_FULL" -> List.of("Free space, for example: rbee-keeper models rm --node " + node
                    + " <model-id>", "Then re-run the same command");
            case "INSUFFICIENT_RAM" -> concat(smaller, "Use a GPU: --backend cuda", "Free RAM on " + node);
            case "INSUFFICIENT_VRAM" -> concat(smaller, "Use another device: --device " + otherDevice(d),
                    "Run on the CPU explicitly: --backend cpu");
            case "BACKEND_UNAVAILABLE" -> list(d, "available").stream().map(b -> "Try: --backend " + b).toList();
            case "GPU_NOT_AVAILABLE" -> devices(d);
            case "CUDA_DEVICE_FAILED", "GPU_VRAM_EXHAUSTED" -> List.of(CPU_HINT);
            case "GPU_TOO_HOT" -> List.of("Wait for it to cool down, or use another device: --device "
                    + otherDevice(d));
            case "VRAM_FRAGMENTED" -> List.of("Stop other programs that use the GPU, or use another device: --device "
                    + otherDevice(d), CPU_HINT);
            case "WORKER_BINARY_NOT_FOUND" -> List.of("Reinstall: rbee-keeper setup install --node " + node);
            case "ALL_SLOTS_BUSY" -> List.of("Wait and try again", "Start another worker: rbee-keeper worker start "
                    + "--node " + node + " --model " + model, "Use another node: --node <name>");
            case "WORKER_FAILED" -> "oom_killed".equals(d.get("reason"))
                    ? List.of("Free RAM on " + node, WORKER_LOG.formatted(node, worker))
                    : List.of(WORKER_LOG.formatted(node, worker));
            case "LOADING_TIMEOUT", "TIMEOUT" -> List.of(WORKER_LOG.formatted(node, worker));
            default -> List.of();
        };
    }

    /**
     * The hive names a quantization of the same repo that fits (S064); without one, a Hugging Face model gets no
     * such hint rather than a file its repo may not have, and other refs get cli.md's generic example.
     */
    private static List<String> smallerQuantization(Map<String, Object> d, boolean huggingFace) {
        Optional<String> suggested = text(d, "suggested_model_ref");
        if (suggested.isPresent()) {
            return List.of("Use a smaller quantization, e.g. " + suggested.get());
        }
        return huggingFace ? List.of() : List.of("Use a smaller quantization, e.g. hf:<org>/<repo>:Q4_K_M");
    }

    private static List<String> concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }

    private static List<String> devices(Map<String, Object> d) {
        List<String> available = list(d, "available");
        if (available.isEmpty()) {
            return List.of();
        }
        List<String> flags = new ArrayList<>();
        available.forEach(device -> flags.add("--device " + device));
        return List.of("Try: " + String.join(" or ", flags));
    }

    private static int otherDevice(Map<String, Object> d) {
        return d.get("device") instanceof Number n && n.intValue() == 0 ? 1 : 0;
    }

    private static List<String> list(Map<String, Object> d, String key) {
        return d.get(key) instanceof List<?> values ? values.stream().map(String::valueOf).toList() : List.of();
    }

    private static Optional<String> text(Map<String, Object> d, String key) {
        return d.get(key) instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }
}
