package dev.rbee.contract.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rbee.contract.error.FieldError;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.openai.ChatCompletionRequest;
import dev.rbee.contract.queen.AddNodeRequest;
import dev.rbee.contract.queen.HiveStatus;
import dev.rbee.contract.sse.EndEvent;
import dev.rbee.contract.worker.InferenceRequest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonTest {
    private final Json json = new Json();

    private static FieldError onlyError(RbeeException e) {
        assertEquals("INVALID_REQUEST", e.code());
        assertEquals(400, e.status());
        assertEquals("1 invalid field(s)", e.getMessage());
        @SuppressWarnings("unchecked")
        List<FieldError> errors = (List<FieldError>) e.details().get("errors");
        assertEquals(1, errors.size());
        return errors.getFirst();
    }

    @Test
    void recordComponentsBecomeSnakeCaseAndNullsAreWritten() {
        String text = json.write(HiveStatus.stopped("workstation"));
        assertEquals("{\"node\":\"workstation\",\"running\":false,\"state\":\"stopped\",\"url\":null,"
                + "\"version\":null,\"pid\":null,\"last_heartbeat_at\":null,\"backends\":null,\"resources\":null,"
                + "\"workers\":0}", text);
    }

    @Test
    void nonNullComponentsAreLeftOutWhenNull() {
        String text = json.write(new AddNodeRequest("ws", "h", null, "ops", null, null, null, null, null));
        assertEquals("{\"node_name\":\"ws\",\"ssh_host\":\"h\",\"ssh_user\":\"ops\"}", text);
    }

    @Test
    void unknownFieldsAreIgnored() {
        InferenceRequest r = json.read("{\"job_id\":\"j\",\"prompt\":\"p\",\"stream\":true,\"x\":{\"y\":[1]}}",
                InferenceRequest.class);
        assertEquals("j", r.jobId());
        assertNull(r.maxTokens());
    }

    @Test
    void malformedJsonIsOneRootErrorWithPosition() {
        RbeeException e = assertThrows(RbeeException.class,
                () -> json.read("{\"job_id\": \"a\",}", InferenceRequest.class));
        FieldError error = onlyError(e);
        assertEquals("$", error.field());
        assertEquals("json", error.constraint());
        assertTrue(error.message().matches("(?s).+ at position 15"), error.message());
    }

    @Test
    void malformedBytesReportThePositionToo() {
        byte[] body = "{\"a\":tru}".getBytes(StandardCharsets.UTF_8);
        FieldError error = onlyError(assertThrows(RbeeException.class, () -> json.read(body, Map.class)));
        assertEquals("json", error.constraint());
        assertTrue(error.message().contains(" at position "), error.message());
    }

    @Test
    void emptyBodyAndTrailingGarbageAreJsonErrors() {
        assertEquals("json", onlyError(assertThrows(RbeeException.class,
                () -> json.read("  ", InferenceRequest.class))).constraint());
        assertEquals("json", onlyError(assertThrows(RbeeException.class,
                () -> json.read("{\"job_id\":\"a\"} x", InferenceRequest.class))).constraint());
    }

    @Test
    void wrongTypeNamesTheSnakeCaseField() {
        FieldError error = onlyError(assertThrows(RbeeException.class,
                () -> json.read("{\"max_tokens\":\"many\"}", InferenceRequest.class)));
        assertEquals("max_tokens", error.field());
        assertEquals("type(int)", error.constraint());
        assertEquals("max_tokens must be an int", error.message());
        assertEquals("many", error.value());
    }

    @Test
    void noSilentCoercions() {
        assertEquals("type(int)", onlyError(assertThrows(RbeeException.class,
                () -> json.read("{\"top_k\":1.5}", InferenceRequest.class))).constraint());
        assertEquals("type(string)", onlyError(assertThrows(RbeeException.class,
                () -> json.read("{\"prompt\":42}", InferenceRequest.class))).constraint());
        assertEquals("type(number)", onlyError(assertThrows(RbeeException.class,
                () -> json.read("{\"temperature\":\"0.5\"}", InferenceRequest.class))).constraint());
        assertEquals("type(array)", onlyError(assertThrows(RbeeException.class,
                () -> json.read("{\"stop\":{}}", InferenceRequest.class))).constraint());
    }

    @Test
    void integersAreAcceptedForNumbers() {
        assertEquals(1.0, json.read("{\"temperature\":1}", InferenceRequest.class).temperature());
    }

    @Test
    void nestedPathsUseIndexes() {
        FieldError error = onlyError(assertThrows(RbeeException.class, () -> json.read(
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[1]}]}", ChatCompletionRequest.class)));
        assertEquals("messages[0].content", error.field());
        assertEquals("type(string)", error.constraint());
    }

    @Test
    void enumMismatchListsTheAllowedNames() {
        FieldError error = onlyError(assertThrows(RbeeException.class,
                () -> json.read("{\"type\":\"end\",\"stop_reason\":\"BORED\"}", EndEvent.class)));
        assertEquals("stop_reason", error.field());
        assertEquals("enum(MAX_TOKENS|EOS|STOP_SEQUENCE|CANCELLED)", error.constraint());
    }

    @Test
    void outOfRangeIntegerNamesTheField() {
        FieldError error = onlyError(assertThrows(RbeeException.class,
                () -> json.read("{\"max_tokens\":99999999999}", InferenceRequest.class)));
        assertEquals("max_tokens", error.field());
        assertEquals("type(int)", error.constraint());
    }

    @Test
    void openAiStopAcceptsAStringOrAnArray() {
        assertEquals(List.of("\n"), json.read("{\"stop\":\"\\n\"}", ChatCompletionRequest.class).stop());
        assertEquals(List.of("a", "b"), json.read("{\"stop\":[\"a\",\"b\"]}", ChatCompletionRequest.class).stop());
    }

    @Test
    void treeAndConvert() {
        JsonNode node = json.tree("{\"error\":{\"code\":\"X\"}}");
        assertEquals("X", node.path("error").path("code").asText());
        AddNodeRequest r = json.convert(Map.of("node_name", "ws", "ssh_port", 2222), AddNodeRequest.class);
        assertEquals(2222, r.sshPort());
        RbeeException e = assertThrows(RbeeException.class,
                () -> json.convert(Map.of("ssh_port", "x"), AddNodeRequest.class));
        assertEquals("ssh_port", onlyError(e).field());
    }

    @Test
    void decodeLetsTheCallerChooseInvalidResponse() {
        JsonDecodeException e = assertThrows(JsonDecodeException.class, () -> json.decode("nope", Map.class));
        RbeeException response = e.toInvalidResponse("http://127.0.0.1:9200/v1/health");
        assertEquals("INVALID_RESPONSE", response.code());
        assertEquals(500, response.status());
        assertEquals("http://127.0.0.1:9200/v1/health", response.details().get("from"));
        assertTrue(((Long) response.details().get("position")) >= 0);
    }
}
