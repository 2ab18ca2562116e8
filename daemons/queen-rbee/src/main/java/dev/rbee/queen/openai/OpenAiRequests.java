package dev.rbee.queen.openai;

import dev.rbee.contract.ModelRef;
import dev.rbee.contract.error.Component;
import dev.rbee.contract.openai.ChatCompletionRequest;
import dev.rbee.contract.openai.ChatMessage;
import dev.rbee.contract.openai.CompletionRequest;
import dev.rbee.contract.queen.TaskRequest;
import dev.rbee.contract.validation.InferenceValidation;
import dev.rbee.contract.validation.Validator;
import java.util.List;
import java.util.function.Function;

/**
 * Checks an OpenAI request against api.md §5.8 (with the ranges of §5.6, under the OpenAI field names) and maps it
 * onto the {@code /v2/tasks} request it runs as. All field errors come at once; a well-formed request whose
 * {@code model} is no model ref is INVALID_MODEL_REF.
 */
public final class OpenAiRequests {
    private static final List<String> ROLES = List.of(ChatMessage.SYSTEM, ChatMessage.USER, ChatMessage.ASSISTANT);

    private OpenAiRequests() {
    }

    /**
     * {@code templates} picks the chat format for a (valid) model ref; the prompt it renders is checked for length
     * and may be replaced by {@link #withPrompt} once the model's own template is known.
     */
    public static TaskRequest chat(ChatCompletionRequest r, Function<String, ChatTemplate> templates) {
        Validator v = new Validator();
        v.required("model", r.model());
        boolean messagesOk = checkMessages(v, r.messages());
        common(v, r.maxTokens(), r.maxCompletionTokens(), r.temperature(), r.topP(), r.seed(), r.stop(), r.n());
        v.throwIfInvalid(Component.QUEEN);
        checkRef(r.model());
        String prompt = messagesOk ? templates.apply(r.model()).render(r.messages()) : "";
        if (prompt.codePointCount(0, prompt.length()) > InferenceValidation.PROMPT_MAX_CHARS) {
            v.fail("messages", "length(1," + InferenceValidation.PROMPT_MAX_CHARS + ")", "messages must render to at"
                    + " most " + InferenceValidation.PROMPT_MAX_CHARS + " characters", null);
            v.throwIfInvalid(Component.QUEEN);
        }
        return task(r.model(), prompt, r.effectiveMaxTokens(), r.temperature(), r.topP(), r.seed(), r.stop());
    }

    public static TaskRequest completion(CompletionRequest r) {
        Validator v = new Validator();
        v.required("model", r.model());
        if (v.required("prompt", r.prompt())) {
            v.length("prompt", r.prompt(), 1, InferenceValidation.PROMPT_MAX_CHARS);
        }
        common(v, r.maxTokens(), r.maxCompletionTokens(), r.temperature(), r.topP(), r.seed(), r.stop(), r.n());
        v.throwIfInvalid(Component.QUEEN);
        checkRef(r.model());
        return task(r.model(), r.prompt(), r.effectiveMaxTokens(), r.temperature(), r.topP(), r.seed(), r.stop());
    }

    private static boolean checkMessages(Validator v, List<ChatMessage> messages) {
        if (!v.required("messages", messages) || !v.nonEmpty("messages", messages)) {
            return false;
        }
        boolean ok = true;
        for (int i = 0; i < messages.size(); i++) {
            String field = "messages[" + i + "]";
            ChatMessage m = messages.get(i);
            if (!v.required(field, m)) {
                ok = false;
                continue;
            }
            ok &= v.required(field + ".role", m.role()) && v.oneOf(field + ".role", m.role(), ROLES);
            ok &= v.required(field + ".content", m.content());
        }
        return ok;
    }

    private static void common(Validator v, Integer maxTokens, Integer maxCompletionTokens, Double temperature,
                               Double topP, Long seed, List<String> stop, Integer n) {
        v.range("max_tokens", maxTokens, 1, InferenceValidation.MAX_TOKENS_LIMIT);
        v.range("max_completion_tokens", maxCompletionTokens, 1, InferenceValidation.MAX_TOKENS_LIMIT);
        v.range("temperature", temperature, 0.0, 2.0);
        v.range("top_p", topP, 0.0, 1.0);
        v.range("seed", seed, 0, Long.MAX_VALUE);
        v.range("n", n, 1, 1);
        if (stop != null && v.maxItems("stop", stop, InferenceValidation.STOP_MAX_ITEMS)) {
            for (int i = 0; i < stop.size(); i++) {
                if (v.required("stop[" + i + "]", stop.get(i))) {
                    v.length("stop[" + i + "]", stop.get(i), 1, InferenceValidation.STOP_MAX_CHARS);
                }
            }
        }
    }

    private static void checkRef(String model) {
        ModelRef.tryParse(model).orElseThrow(() -> ModelRef.invalid(model).withComponentIfAbsent(Component.QUEEN));
    }

    /** No node yet: {@link ModelRouting} picks it (api.md §5.8). */
    private static TaskRequest task(String model, String prompt, Integer maxTokens, Double temperature, Double topP,
                                    Long seed, List<String> stop) {
        return new TaskRequest(null, model, null, null, prompt, maxTokens, temperature, topP, null, null, null, seed,
                stop).validate(Component.QUEEN);
    }

    /** The same task with another prompt (the messages rendered with the model's own template). */
    public static TaskRequest withPrompt(TaskRequest t, String prompt) {
        return new TaskRequest(t.node(), t.model(), t.backend(), t.device(), prompt, t.maxTokens(), t.temperature(),
                t.topP(), t.topK(), t.minP(), t.repetitionPenalty(), t.seed(), t.stop());
    }
}
