package dev.rbee.queen.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.openai.ChatCompletion;
import dev.rbee.contract.sse.EndEvent;
import dev.rbee.contract.sse.ErrorEvent;
import dev.rbee.contract.sse.NarrationEvent;
import dev.rbee.contract.sse.StartedEvent;
import dev.rbee.contract.sse.StopReason;
import dev.rbee.contract.sse.TokenEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CollectingSinkTest {
    private final CollectingSink sink = new CollectingSink(new Reply(true, "job-000001", 1L, "demo:tiny"));

    @Test
    void tokensAreJoinedAndProgressIsIgnored() {
        sink.send(new NarrationEvent("queen-rbee", "worker_spawn", "Spawning", "job-000001"));
        sink.relay(new StartedEvent("job-000001", "demo:tiny", "localhost", "worker-0001", "t", 1L), "{}");
        sink.relay(new TokenEvent("Once", 0), "{}");
        sink.relay(new TokenEvent("", 1), "{}");
        sink.relay(new TokenEvent(" up\n\"x\"", 2), "{}");
        sink.relay(new EndEvent(3, 5, StopReason.EOS, null, null, 4), "{}");
        ChatCompletion reply = (ChatCompletion) sink.result();
        assertEquals("Once up\n\"x\"", reply.choices().getFirst().message().content());
        assertEquals("stop", reply.choices().getFirst().finishReason());
        assertEquals(7, reply.usage().totalTokens());
    }

    @Test
    void aFailureWhileProvisioningKeepsItsStatus() {
        sink.send(new ErrorEvent("INSUFFICIENT_RAM", "Not enough RAM", Map.of("component", "rbee-hive")));
        RbeeException e = assertThrows(RbeeException.class, sink::result);
        assertEquals(507, e.status());
        assertEquals("rbee-hive", e.details().get("component"));
    }

    @Test
    void aCanceledJobIs499() {
        sink.relay(new EndEvent(2, 5, StopReason.CANCELLED, null, null, 4), "{}");
        assertEquals(499, assertThrows(RbeeException.class, sink::result).status());
    }

    @Test
    void aJobWithoutAnEndIsAnInternalError() {
        assertEquals("INTERNAL_ERROR", assertThrows(RbeeException.class, sink::result).code());
    }
}
