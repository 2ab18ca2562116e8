package dev.rbee.queen.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rbee.contract.json.Json;
import dev.rbee.contract.sse.EndEvent;
import dev.rbee.contract.sse.ErrorEvent;
import dev.rbee.contract.sse.StopReason;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplyTest {
    private final Json json = new Json();
    private final Reply chat = new Reply(true, "job-7f3c9a", 1764165731L, "demo:tiny");
    private final Reply text = new Reply(false, "job-7f3c9a", 1764165731L, "demo:tiny");

    @Test
    void finishReasonsFollowApiMd() {
        assertEquals("length", Reply.finishReason(StopReason.MAX_TOKENS));
        assertEquals("stop", Reply.finishReason(StopReason.EOS));
        assertEquals("stop", Reply.finishReason(StopReason.STOP_SEQUENCE));
        assertEquals("stop", Reply.finishReason(StopReason.CANCELLED));
    }

    @Test
    void aChatReplyCarriesUsageFromTheEndEvent() {
        EndEvent end = new EndEvent(16, 120, StopReason.MAX_TOKENS, null, 130.0, 9);
        assertEquals("{\"id\":\"chatcmpl-job-7f3c9a\",\"object\":\"chat.completion\",\"created\":1764165731,"
                + "\"model\":\"demo:tiny\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"content\":\"Once\"},\"finish_reason\":\"length\"}],\"usage\":{\"prompt_tokens\":9,"
                + "\"completion_tokens\":16,\"total_tokens\":25}}", json.write(chat.complete("Once", end)));
    }

    @Test
    void aTextReplyHasTextChoices() {
        EndEvent end = new EndEvent(2, 10, StopReason.STOP_SEQUENCE, "\n", null, 3);
        assertEquals("{\"id\":\"chatcmpl-job-7f3c9a\",\"object\":\"text_completion\",\"created\":1764165731,"
                + "\"model\":\"demo:tiny\",\"choices\":[{\"index\":0,\"text\":\"Once up\",\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2,\"total_tokens\":5}}",
                json.write(text.complete("Once up", end)));
    }

    @Test
    void chunksAreTypedAndTheLastHasAnEmptyDelta() {
        assertEquals("{\"type\":\"chunk\",\"id\":\"chatcmpl-job-7f3c9a\",\"object\":\"chat.completion.chunk\","
                + "\"created\":1764165731,\"model\":\"demo:tiny\",\"choices\":[{\"index\":0,\"delta\":"
                + "{\"content\":\"Once\"},\"finish_reason\":null}]}", json.write(chat.chunk("Once")));
        assertEquals("{\"type\":\"chunk\",\"id\":\"chatcmpl-job-7f3c9a\",\"object\":\"chat.completion.chunk\","
                + "\"created\":1764165731,\"model\":\"demo:tiny\",\"choices\":[{\"index\":0,\"delta\":{},"
                + "\"finish_reason\":\"length\"}]}", json.write(chat.last(EndEvent.of(5, 1, StopReason.MAX_TOKENS))));
        assertEquals("{\"type\":\"chunk\",\"id\":\"chatcmpl-job-7f3c9a\",\"object\":\"text_completion\","
                + "\"created\":1764165731,\"model\":\"demo:tiny\",\"choices\":[{\"index\":0,\"text\":\"\","
                + "\"finish_reason\":\"stop\"}]}", json.write(text.last(EndEvent.of(5, 1, StopReason.EOS))));
    }

    @Test
    void failuresKeepTheStatusOfTheirCodeAndACancelIs499() {
        assertEquals(404, chat.failure(new ErrorEvent("MODEL_NOT_FOUND", "no", Map.of())).status());
        assertEquals(507, chat.failure(new ErrorEvent("INSUFFICIENT_VRAM", "no", Map.of())).status());
        assertEquals(408, chat.failure(new ErrorEvent("TIMEOUT", "no", null)).status());
        assertEquals("REQUEST_CANCELED", chat.failure(new ErrorEvent("CANCELLED", "gone", null)).code());
        assertEquals(499, chat.canceled().status());
    }
}
