package dev.rbee.queen.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.openai.ChatCompletionRequest;
import dev.rbee.contract.openai.CompletionRequest;
import dev.rbee.contract.queen.TaskRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenAiRequestsTest {
    private final Json json = new Json();

    private TaskRequest chat(String body) {
        return OpenAiRequests.chat(json.read(body, ChatCompletionRequest.class), ChatTemplate::forModelRef);
    }

    private TaskRequest completion(String body) {
        return OpenAiRequests.completion(json.read(body, CompletionRequest.class));
    }

    @Test
    void aChatRequestBecomesATaskWithTheRenderedPrompt() {
        TaskRequest task = chat("{\"model\":\"demo:tiny\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
                + "\"max_completion_tokens\":16,\"temperature\":0.5,\"top_p\":0.9,\"seed\":7,\"stop\":\"\\n\","
                + "\"n\":1,\"presence_penalty\":0.3}");
        assertEquals("demo:tiny", task.model());
        assertEquals("<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n", task.prompt());
        assertEquals(16, task.maxTokens());
        assertEquals(0.5, task.temperature());
        assertEquals(0.9, task.topP());
        assertEquals(7L, task.seed());
        assertEquals(List.of("\n"), task.stop());
        assertEquals(null, task.node());
    }

    @Test
    void maxTokensWinsOverMaxCompletionTokensAndStopMayBeAnArray() {
        TaskRequest task = completion("{\"model\":\"demo:tiny\",\"prompt\":\"Once\",\"max_tokens\":5,"
                + "\"max_completion_tokens\":9,\"stop\":[\"a\",\"b\"]}");
        assertEquals("Once", task.prompt());
        assertEquals(5, task.maxTokens());
        assertEquals(List.of("a", "b"), task.stop());
    }

    @Test
    void everyBadFieldIsListedAtOnce() {
        RbeeException e = assertThrows(RbeeException.class, () -> chat("{\"messages\":[{\"role\":\"bot\"}],"
                + "\"n\":2,\"temperature\":2.5,\"stop\":[\"\"]}"));
        assertEquals("INVALID_REQUEST", e.code());
        assertEquals(List.of("model", "messages[0].role", "messages[0].content", "temperature", "n", "stop[0]"),
                fields(e));
    }

    @Test
    void aWellFormedRequestWithABadRefIsInvalidModelRef() {
        RbeeException e = assertThrows(RbeeException.class, () -> chat("{\"model\":\"gpt-4\",\"messages\":"
                + "[{\"role\":\"user\",\"content\":\"hi\"}]}"));
        assertEquals("INVALID_MODEL_REF", e.code());
        assertEquals(400, e.status());
    }

    @Test
    void aPromptThatRendersTooLongIsRefused() {
        String big = "x".repeat(32_760);
        RbeeException e = assertThrows(RbeeException.class, () -> chat("{\"model\":\"demo:tiny\",\"messages\":"
                + "[{\"role\":\"user\",\"content\":\"" + big + "\"}]}"));
        assertEquals(List.of("messages"), fields(e));
        assertEquals(List.of("prompt"), fields(assertThrows(RbeeException.class,
                () -> completion("{\"model\":\"demo:tiny\",\"prompt\":\"\"}"))));
    }

    @Test
    void wrongTypesAreRefusedByTheParser() {
        assertEquals("INVALID_REQUEST", assertThrows(RbeeException.class,
                () -> chat("{\"model\":\"demo:tiny\",\"messages\":[{\"role\":\"user\",\"content\":[1]}]}")).code());
        assertEquals("INVALID_REQUEST", assertThrows(RbeeException.class,
                () -> completion("{\"model\":\"demo:tiny\",\"prompt\":\"x\",\"max_tokens\":1.5}")).code());
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(RbeeException e) {
        List<String> out = new ArrayList<>();
        ((List<Object>) e.details().get("errors")).forEach(err -> out.add(err instanceof Map<?, ?> m
                ? String.valueOf(m.get("field")) : fieldOf(err)));
        return out;
    }

    private static String fieldOf(Object err) {
        return ((dev.rbee.contract.error.FieldError) err).field();
    }
}
