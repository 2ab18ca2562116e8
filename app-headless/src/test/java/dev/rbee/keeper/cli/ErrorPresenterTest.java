package dev.rbee.keeper.cli;

import dev.rbee.contract.RbeeHome;
import dev.rbee.contract.error.ErrorEnvelope;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.json.Json;
import dev.rbee.keeper.KeeperErrors;
import dev.rbee.keeper.QueenUrl;
import dev.rbee.keeper.infer.InferenceOptions;
import dev.rbee.keeper.infer.InferenceOptionsValidator;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ErrorPresenterTest {
    private static final Json JSON = new Json();
    private static final RbeeHome HOME = new RbeeHome(Path.of("/home/ops/.rbee"));
    private static final ErrorContext INFER = new ErrorContext("infer", HOME, "workstation",
            "hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF", null);

    /** The error exactly as the HTTP client rebuilds it from a daemon's answer. */
    private static RbeeException envelope(int status, String json) {
        return RbeeException.fromEnvelope(status, JSON.read(json, ErrorEnvelope.class));
    }

    @Test
    void insufficientVramFromTheHive() {
        RbeeException e = envelope(507, """
                {"error":{"code":"INSUFFICIENT_VRAM","message":"Not enough VRAM on cuda:1 of workstation: need 4.0 GB, \
                have 2.0 GB","details":{"component":"rbee-hive","node":"workstation","backend":"cuda","device":1,
                "required_bytes":4019191808,"available_bytes":2147483648,
                "suggested_model_ref":"hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF:Q4_K_M"}}}""");
        assertEquals(List.of(
                "[rbee-hive] ❌ Error: Not enough VRAM on cuda:1 of workstation: need 4.0 GB, have 2.0 GB "
                        + "(INSUFFICIENT_VRAM)",
                "💡 Use a smaller quantization, e.g. hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF:Q4_K_M",
                "💡 Use another device: --device 0",
                "💡 Run on the CPU explicitly: --backend cpu"), ErrorPresenter.lines(e, INFER));
    }

    @Test
    void preflightRefusalsOfTheHiveCarryTheirHints() {
        RbeeException ram = envelope(507, """
                {"error":{"code":"INSUFFICIENT_RAM","message":"Not enough RAM on workstation: need 60.0 MB, have 40.0 MB",\
                "details":{"component":"rbee-hive","required_bytes":60000000,"available_bytes":40000000}}}""");
        assertEquals(List.of(
                "[rbee-hive] ❌ Error: Not enough RAM on workstation: need 60.0 MB, have 40.0 MB (INSUFFICIENT_RAM)",
                "💡 Use a GPU: --backend cuda",
                "💡 Free RAM on workstation"), ErrorPresenter.lines(ram, INFER));
        RbeeException hot = envelope(503, """
                {"error":{"code":"GPU_TOO_HOT","message":"cuda:0 on workstation is at 85 °C (limit 80 °C)",\
                "details":{"component":"rbee-hive","backend":"cuda","device":0,"temperature_c":85,"limit_c":80}}}""");
        assertEquals("💡 Wait for it to cool down, or use another device: --device 1",
                ErrorPresenter.lines(hot, INFER).get(1));
        RbeeException launcher = envelope(500, """
                {"error":{"code":"WORKER_BINARY_NOT_FOUND","message":"Worker launcher not found: /x/bin/llm-worker-rbee",\
                "details":{"component":"rbee-hive","path":"/x/bin/llm-worker-rbee"}}}""");
        assertEquals("💡 Reinstall: rbee-keeper setup install --node workstation",
                ErrorPresenter.lines(launcher, INFER).get(1));
    }

    @Test
    void backendAndDeviceSuggestionsComeFromTheDetails() {
        RbeeException backend = envelope(400, """
                {"error":{"code":"BACKEND_UNAVAILABLE","message":"Backend 'metal' is not available on workstation. \
                Available: cpu, cuda","details":{"component":"rbee-hive","requested":"metal","available":["cpu","cuda"],
                "reason":"Metal is only available on macOS"}}}""");
        assertEquals(List.of("💡 Try: --backend cpu", "💡 Try: --backend cuda"),
                ErrorPresenter.lines(backend, INFER).subList(1, 3));
        RbeeException device = envelope(400, """
                {"error":{"code":"GPU_NOT_AVAILABLE","message":"Device 5 not available for cuda on workstation. \
                Available: [0, 1]","details":{"component":"rbee-hive","backend":"cuda","device":5,"available":[0,1]}}}""");
        assertEquals(List.of(
                "[rbee-hive] ❌ Error: Device 5 not available for cuda on workstation. Available: [0, 1] "
                        + "(GPU_NOT_AVAILABLE)",
                "💡 Try: --device 0 or --device 1"), ErrorPresenter.lines(device, INFER));
    }

    @Test
    void modelNotFoundSuggestionsFollowTheReason() {
        RbeeException onHub = envelope(404, "{\"error\":{\"code\":\"MODEL_NOT_FOUND\",\"message\":\"Model not found\","
                + "\"details\":{\"component\":\"rbee-hive\",\"reason\":\"not_on_hub\"}}}");
        assertEquals("💡 Check the name at https://huggingface.co/TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF",
                ErrorPresenter.lines(onHub, INFER).get(1));
        RbeeException missingFile = envelope(404, "{\"error\":{\"code\":\"MODEL_NOT_FOUND\",\"message\":\"Model "
                + "file not found\",\"details\":{\"component\":\"rbee-hive\",\"reason\":\"file_missing\"}}}");
        assertEquals("💡 Check that the file exists on workstation and is readable",
                ErrorPresenter.lines(missingFile, INFER).get(1));
    }

    @Test
    void envelopeWithoutComponentIsShownAsQueens() {
        RbeeException e = envelope(401, "{\"error\":{\"code\":\"MISSING_API_KEY\",\"message\":"
                + "\"Authentication required by queen-rbee\",\"details\":{}}}");
        assertEquals(List.of("[queen-rbee] ❌ Error: Authentication required by queen-rbee (MISSING_API_KEY)",
                "💡 Set api_key in /home/ops/.rbee/config.toml or export RBEE_API_KEY"), ErrorPresenter.lines(e, INFER));
    }

    /** S033, S034, S035: queen marks failures of the node's hive with {@code target:"hive"}. */
    @Test
    void hiveFailuresPointAtTheHive() {
        RbeeException timeout = envelope(408, "{\"error\":{\"code\":\"CONNECTION_TIMEOUT\",\"message\":\"Cannot "
                + "connect to rbee-hive on workstation at http://workstation.home.arpa:9200 after 3 attempts\","
                + "\"details\":{\"component\":\"queen-rbee\",\"node\":\"workstation\",\"target\":\"hive\"}}}");
        assertEquals("💡 See the hive log: rbee-keeper logs --node workstation",
                ErrorPresenter.lines(timeout, INFER).get(1));
        RbeeException invalid = envelope(500, "{\"error\":{\"code\":\"INTERNAL_ERROR\",\"message\":\"Invalid "
                + "response from rbee-hive on workstation: x\",\"details\":{\"component\":\"queen-rbee\","
                + "\"node\":\"workstation\",\"target\":\"hive\"}}}");
        assertEquals("💡 Restart it: rbee-keeper hive stop --node workstation && rbee-keeper hive start --node "
                + "workstation", ErrorPresenter.lines(invalid, INFER).get(1));
        RbeeException version = envelope(409, "{\"error\":{\"code\":\"VERSION_MISMATCH\",\"message\":\"rbee-hive "
                + "on workstation is 0.2.0 but queen-rbee is 0.1.0\",\"details\":{\"component\":\"queen-rbee\","
                + "\"node\":\"workstation\"}}}");
        assertEquals(List.of("[queen-rbee] ❌ Error: rbee-hive on workstation is 0.2.0 but queen-rbee is 0.1.0 "
                + "(VERSION_MISMATCH)", "💡 Install the matching version: rbee-keeper setup install --node "
                + "workstation"), ErrorPresenter.lines(version, INFER));
    }

    @Test
    void workerFailureHintsAtTheWorkerLog() {
        RbeeException e = envelope(500, "{\"error\":{\"code\":\"WORKER_FAILED\",\"message\":\"Worker worker-3b1e on "
                + "workstation exited: OOM killed\",\"details\":{\"component\":\"rbee-hive\",\"worker_id\":\"worker-3b1e\"}}}");
        assertEquals("💡 See the worker log: rbee-keeper logs --node workstation --worker worker-3b1e",
                ErrorPresenter.lines(e, INFER).get(1));
    }

    @Test
    void serverValidationListsEveryField() {
        RbeeException e = envelope(400, """
                {"error":{"code":"INVALID_REQUEST","message":"2 invalid field(s)","details":{"component":"queen-rbee",
                "errors":[{"field":"temperature","constraint":"range(0.0,2.0)","message":"temperature must be between \
                0.0 and 2.0","value":3.5},{"field":"backend","constraint":"enum(cpu|cuda|metal)","message":"backend must \
                be one of cpu, cuda, metal","value":"quantum"}]}}}""");
        assertEquals(List.of("[queen-rbee] ❌ Error: 2 invalid field(s) (INVALID_REQUEST)",
                "  temperature must be between 0.0 and 2.0",
                "  backend must be one of cpu, cuda, metal"), ErrorPresenter.lines(e, INFER));
    }

    @Test
    void localValidationLayoutOfTheSpec() {
        InferenceOptions options = new InferenceOptions(null, "demo:tiny", "p", null, "3.5", null, null, null, null,
                null, List.of(), "quantum", null);
        RbeeException e = assertThrows(RbeeException.class, () -> InferenceOptionsValidator.validate(options));
        assertEquals(List.of("[rbee-keeper] ❌ Error: Invalid inference options (INVALID_REQUEST)",
                "  --temperature: must be between 0.0 and 2.0 (got 3.5)",
                "  --backend: must be one of cpu, cuda, metal (got 'quantum')"), ErrorPresenter.lines(e, INFER));
    }

    @Test
    void invalidModelReferenceLayout() {
        RbeeException e = assertThrows(RbeeException.class,
                () -> InferenceOptionsValidator.validate(InferenceOptions.of("invalid-format", "p")));
        assertEquals(List.of("[rbee-keeper] ❌ Error: Invalid model reference 'invalid-format' (INVALID_MODEL_REF)",
                "  Expected one of:",
                "    hf:<org>/<repo>                  e.g. hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF",
                "    hf:<org>/<repo>:<file-or-quant>  e.g. hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF:Q4_K_M",
                "    file:/abs/path/model.gguf",
                "    demo:tiny                        (built-in, random weights)"), ErrorPresenter.lines(e, INFER));
    }

    @Test
    void missingModelSuggestsTheDemo() {
        RbeeException e = assertThrows(RbeeException.class,
                () -> InferenceOptionsValidator.validate(InferenceOptions.of(null, "p")));
        assertEquals(List.of("[rbee-keeper] ❌ Error: Missing --model (USAGE_ERROR)",
                "💡 Try the built-in demo model: --model demo:tiny"), ErrorPresenter.lines(e, INFER));
    }

    @Test
    void queenLifecycleErrorsOfSection4() {
        assertEquals(List.of("[rbee-keeper] ❌ Error: Cannot connect to queen-rbee at http://127.0.0.1:8080 "
                        + "(QUEEN_UNREACHABLE)", "💡 Start it: rbee-keeper daemon start"),
                ErrorPresenter.lines(KeeperErrors.queenUnreachable(QueenUrl.parse("http://127.0.0.1:8080")), INFER));
        assertEquals(List.of("[rbee-keeper] ❌ Error: Cannot connect to queen-rbee at http://gpu.lan:8080 "
                        + "(QUEEN_UNREACHABLE)", "💡 Check that queen-rbee runs on gpu.lan and that --queen-url is right"),
                ErrorPresenter.lines(KeeperErrors.queenUnreachable(QueenUrl.parse("http://gpu.lan:8080")), INFER));
        assertEquals(List.of("[rbee-keeper] ❌ Error: Port 8080 is in use by another program (PORT_IN_USE)",
                "💡 Use another port: --queen-url http://127.0.0.1:8081"),
                ErrorPresenter.lines(KeeperErrors.portInUse(8080), INFER));
        Path log = HOME.logFile("queen-rbee");
        assertEquals(List.of("[rbee-keeper] ❌ Error: queen-rbee did not start within 30 s (QUEEN_START_FAILED)",
                        "  line 9", "  line 10", "💡 Full log: /home/ops/.rbee/logs/queen-rbee.log"),
                ErrorPresenter.lines(KeeperErrors.queenStartFailed("queen-rbee did not start within 30 s", log,
                        List.of("line 9", "line 10")), INFER));
    }

    @Test
    void usageErrorsPointAtTheCommandsHelp() {
        assertEquals(List.of("[rbee-keeper] ❌ Error: Unknown option: '--x' (USAGE_ERROR)",
                "💡 See: rbee-keeper daemon start --help"),
                ErrorPresenter.lines(KeeperErrors.usage("Unknown option: '--x'"), ErrorContext.of("daemon start", HOME)));
    }

    @Test
    void jsonFormsCarryTheSuggestions() {
        RbeeException e = KeeperErrors.portInUse(8080);
        assertEquals("{\"error\":{\"code\":\"PORT_IN_USE\",\"message\":\"Port 8080 is in use by another program\","
                        + "\"details\":{\"component\":\"rbee-keeper\",\"port\":8080,\"suggestions\":"
                        + "[\"Use another port: --queen-url http://127.0.0.1:8081\"]}}}",
                ErrorPresenter.jsonDocument(JSON, e, INFER));
        assertEquals("{\"type\":\"error\",\"code\":\"STREAM_INTERRUPTED\",\"message\":\"Connection to queen-rbee lost "
                        + "during inference\",\"details\":{\"component\":\"rbee-keeper\"}}",
                ErrorPresenter.jsonLine(JSON, KeeperErrors.streamInterrupted(false), INFER));
    }
}
