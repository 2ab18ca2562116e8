package dev.rbee.keeper.infer;

import dev.rbee.contract.Backends;
import dev.rbee.contract.Ids;
import dev.rbee.contract.ModelRef;
import dev.rbee.contract.error.Component;
import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.FieldError;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.queen.Node;
import dev.rbee.contract.queen.TaskRequest;
import dev.rbee.contract.validation.InferenceValidation;
import dev.rbee.keeper.KeeperErrors;

import java.util.List;
import java.util.Map;

/**
 * Checks every rule of cli.md §10.1 locally, so that all problems are reported at once before queen is contacted
 * or started, and builds the {@code POST /v2/tasks} request with keeper's defaults.
 */
public final class InferenceOptionsValidator {
    public static final int DEFAULT_MAX_TOKENS = 20;
    public static final double DEFAULT_TEMPERATURE = 0.7;

    private InferenceOptionsValidator() {
    }

    /**
     * @throws RbeeException USAGE_ERROR {@code Missing --model}; INVALID_MODEL_REF when the model is the only
     *                       problem; else INVALID_REQUEST listing every problem ({@code details.errors}, field = flag)
     */
    public static TaskRequest validate(InferenceOptions options) {
        if (options.model() == null || options.model().isBlank()) {
            throw KeeperErrors.local(KeeperErrors.USAGE_ERROR, "Missing --model", Map.of("missing", "--model"));
        }
        OptionChecks checks = new OptionChecks();
        boolean modelValid = ModelRef.isValid(options.model());
        if (!modelValid) {
            checks.fail("--model", "model_ref", "invalid model reference '" + options.model() + "'",
                    options.model());
        }
        String node = checkNode(checks, options.node());
        checkPrompt(checks, options.prompt());
        Long maxTokens = checks.integer("--max-tokens", options.maxTokens(), 1, InferenceValidation.MAX_TOKENS_LIMIT);
        Double temperature = checks.decimal("--temperature", options.temperature(), 0.0, 2.0, false);
        Double topP = checks.decimal("--top-p", options.topP(), 0.0, 1.0, false);
        Long topK = checks.integer("--top-k", options.topK(), 0, InferenceValidation.TOP_K_LIMIT);
        Double minP = checks.decimal("--min-p", options.minP(), 0.0, 1.0, false);
        // api.md §5.6: the penalty must be > 0.0; checking it here saves a round trip that would fail anyway.
        Double penalty = checks.decimal("--repetition-penalty", options.repetitionPenalty(), 0.0, 2.0, true);
        Long seed = checks.integer("--seed", options.seed(), 0, Long.MAX_VALUE);
        checkStop(checks, options.stop());
        String backend = checks.oneOf("--backend", options.backend(), Backends.ALL);
        Long device = checks.integer("--device", options.device(), 0, Integer.MAX_VALUE);
        if (options.device() != null && options.backend() == null) {
            checks.fail("--device", "requires(backend)", "needs --backend", options.device());
        }
        throwIfInvalid(checks.errors(), modelValid, options.model());
        return new TaskRequest(node, options.model(), backend, device == null ? null : device.intValue(),
                options.prompt(), maxTokens == null ? DEFAULT_MAX_TOKENS : maxTokens.intValue(),
                temperature == null ? DEFAULT_TEMPERATURE : temperature, topP,
                topK == null ? null : topK.intValue(), minP, penalty, seed,
                options.stop().isEmpty() ? null : options.stop());
    }

    private static String checkNode(OptionChecks checks, String node) {
        if (node == null) {
            return Node.LOCALHOST;
        }
        if (!Ids.NODE_NAME.matcher(node).matches()) {
            checks.fail("--node", "pattern(" + Ids.NODE_NAME.pattern() + ")",
                    "must be a node name matching " + Ids.NODE_NAME.pattern() + " (got '" + node + "')", node);
        }
        return node;
    }

    private static void checkPrompt(OptionChecks checks, String prompt) {
        if (prompt == null) {
            checks.fail("--prompt", "required", "is required (use --prompt - to read it from stdin)", null);
            return;
        }
        int length = prompt.codePointCount(0, prompt.length());
        if (length < 1 || length > InferenceValidation.PROMPT_MAX_CHARS) {
            checks.fail("--prompt", "length(1," + InferenceValidation.PROMPT_MAX_CHARS + ")",
                    "must be between 1 and " + InferenceValidation.PROMPT_MAX_CHARS + " characters (got " + length
                            + ")", null);
        }
    }

    private static void checkStop(OptionChecks checks, List<String> stop) {
        if (stop.size() > InferenceValidation.STOP_MAX_ITEMS) {
            checks.fail("--stop", "max_items(" + InferenceValidation.STOP_MAX_ITEMS + ")",
                    "at most " + InferenceValidation.STOP_MAX_ITEMS + " allowed (got " + stop.size() + ")", null);
        }
        for (String each : stop) {
            int length = each.codePointCount(0, each.length());
            if (length < 1 || length > InferenceValidation.STOP_MAX_CHARS) {
                checks.fail("--stop", "length(1," + InferenceValidation.STOP_MAX_CHARS + ")",
                        "each must be between 1 and " + InferenceValidation.STOP_MAX_CHARS + " characters (got "
                                + length + ")", each);
            }
        }
    }

    private static void throwIfInvalid(List<FieldError> errors, boolean modelValid, String model) {
        if (errors.isEmpty()) {
            return;
        }
        if (!modelValid && errors.size() == 1) {
            throw ModelRef.invalid(model).withComponentIfAbsent(Component.KEEPER);
        }
        throw KeeperErrors.local(ErrorCode.INVALID_REQUEST.name(), "Invalid inference options",
                Map.of(RbeeException.ERRORS, errors));
    }
}
