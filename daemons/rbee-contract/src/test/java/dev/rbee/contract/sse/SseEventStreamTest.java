package dev.rbee.contract.sse;

import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.json.Json;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SseEventStreamTest {
    private final Json json = new Json();

    private SseEventStream stream(String wire, List<String> comments) {
        InputStream in = new ByteArrayInputStream(wire.getBytes(StandardCharsets.UTF_8));
        return new SseEventStream(in, json, "test", comments::add);
    }

    @Test
    void typedEventsUntilDoneWithKeepAlivesReported() {
        String token = "{\"type\":\"token\",\"t\":\"Once\",\"i\":0}";
        String wire = Sse.frame(token) + Sse.KEEP_ALIVE + Sse.frame("{\"type\":\"new-thing\",\"x\":1}")
                + Sse.frame("{\"type\":\"end\",\"tokens_out\":1,\"decode_time_ms\":5,\"stop_reason\":\"EOS\"}")
                + Sse.DONE_FRAME + Sse.frame("{\"type\":\"token\",\"t\":\"after\",\"i\":1}");
        List<String> comments = new ArrayList<>();
        try (SseEventStream events = stream(wire, comments)) {
            assertEquals(new TokenEvent("Once", 0), events.next());
            assertEquals(token, events.lastJson());
            assertInstanceOf(UnknownEvent.class, events.next());
            SseEventStream.Received end = events.nextReceived();
            assertEquals(StopReason.EOS, ((EndEvent) end.event()).stopReason());
            assertFalse(events.hasNext(), "nothing after [DONE] is read");
            assertTrue(events.sawDone());
        }
        assertEquals(List.of("keep-alive"), comments);
    }

    @Test
    void streamClosedWithoutDoneIsVisible() {
        try (SseEventStream events = stream(Sse.frame("{\"type\":\"token\",\"t\":\"a\",\"i\":0}"), new ArrayList<>())) {
            assertTrue(events.hasNext());
            events.next();
            assertFalse(events.hasNext());
            assertFalse(events.sawDone());
            assertTrue(events.failure().isEmpty());
        }
    }

    @Test
    void readFailureEndsTheStreamAndIsKept() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("Connection reset");
            }
        };
        try (SseEventStream events = new SseEventStream(broken, json, "test")) {
            assertFalse(events.hasNext());
            assertFalse(events.sawDone());
            assertEquals("Connection reset", events.failure().orElseThrow().getMessage());
        }
    }

    @Test
    void garbagePayloadIsInvalidResponse() {
        try (SseEventStream events = stream(Sse.frame("not json"), new ArrayList<>())) {
            RbeeException e = assertThrows(RbeeException.class, events::next);
            assertEquals("INVALID_RESPONSE", e.code());
            assertEquals("test", e.details().get("from"));
        }
    }
}
