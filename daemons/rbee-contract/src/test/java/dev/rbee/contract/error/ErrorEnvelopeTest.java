package dev.rbee.contract.error;

import dev.rbee.contract.json.Json;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErrorEnvelopeTest {
    private final Json json = new Json();

    @Test
    void statusesFollowTheCatalogue() {
        assertEquals(400, ErrorCode.INVALID_REQUEST.status());
        assertEquals(401, ErrorCode.MISSING_API_KEY.status());
        assertEquals(403, ErrorCode.HOST_KEY_MISMATCH.status());
        assertEquals(404, ErrorCode.NOT_FOUND.status());
        assertEquals(408, ErrorCode.CONNECTION_TIMEOUT.status());
        assertEquals(409, ErrorCode.VERSION_MISMATCH.status());
        assertEquals(499, ErrorCode.CANCELLED.status());
        assertEquals(500, ErrorCode.INVALID_RESPONSE.status());
        assertEquals(503, ErrorCode.ALL_SLOTS_BUSY.status());
        assertEquals(507, ErrorCode.INSUFFICIENT_VRAM.status());
        assertEquals(56, ErrorCode.values().length);
    }

    @Test
    void lookupByWireCode() {
        assertEquals(ErrorCode.QUEUE_FULL, ErrorCode.of("QUEUE_FULL").orElseThrow());
        assertTrue(ErrorCode.of("STREAM_INTERRUPTED").isEmpty());
        assertTrue(ErrorCode.of(null).isEmpty());
    }

    @Test
    void insufficientVramEnvelopeMatchesTheSpec() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("component", "rbee-hive");
        details.put("node", "workstation");
        details.put("backend", "cuda");
        details.put("device", 1);
        details.put("required_bytes", 4019191808L);
        details.put("available_bytes", 2147483648L);
        RbeeException e = RbeeException.of(ErrorCode.INSUFFICIENT_VRAM,
                "Not enough VRAM on cuda:1 of workstation: need 4.0 GB, have 2.0 GB", details);
        assertEquals("{\"error\":{\"code\":\"INSUFFICIENT_VRAM\",\"message\":\"Not enough VRAM on cuda:1 of "
                + "workstation: need 4.0 GB, have 2.0 GB\",\"details\":{\"component\":\"rbee-hive\","
                + "\"node\":\"workstation\",\"backend\":\"cuda\",\"device\":1,\"required_bytes\":4019191808,"
                + "\"available_bytes\":2147483648}}}", json.write(e.toEnvelope()));
        assertEquals(507, e.status());
    }

    @Test
    void invalidRequestEnvelopeMatchesTheSpec() {
        RbeeException e = RbeeException.invalid(List.of(
                new FieldError("temperature", "range(0.0,2.0)", "temperature must be between 0.0 and 2.0", 3.5),
                new FieldError("backend", "enum(cpu|cuda|metal)", "backend must be one of cpu, cuda, metal",
                        "quantum")), "queen-rbee");
        assertEquals("{\"error\":{\"code\":\"INVALID_REQUEST\",\"message\":\"2 invalid field(s)\",\"details\":{"
                + "\"component\":\"queen-rbee\",\"errors\":[{\"field\":\"temperature\",\"constraint\":"
                + "\"range(0.0,2.0)\",\"message\":\"temperature must be between 0.0 and 2.0\",\"value\":3.5},"
                + "{\"field\":\"backend\",\"constraint\":\"enum(cpu|cuda|metal)\",\"message\":\"backend must be one "
                + "of cpu, cuda, metal\",\"value\":\"quantum\"}]}}}", json.write(e.toEnvelope()));
    }

    @Test
    void detailsAreNeverNullOnTheWire() {
        assertEquals("{\"error\":{\"code\":\"X\",\"message\":\"m\",\"details\":{}}}",
                json.write(ErrorEnvelope.of("X", "m", null)));
        ErrorEnvelope parsed = json.read("{\"error\":{\"code\":\"X\",\"message\":\"m\"}}", ErrorEnvelope.class);
        assertEquals(Map.of(), parsed.error().details());
    }

    @Test
    void envelopeRoundTripKeepsUnknownCodes() {
        String wire = "{\"error\":{\"code\":\"FUTURE_CODE\",\"message\":\"m\",\"details\":{\"component\":"
                + "\"rbee-hive\",\"n\":1}}}";
        RbeeException e = RbeeException.fromEnvelope(418, json.read(wire, ErrorEnvelope.class));
        assertEquals("FUTURE_CODE", e.code());
        assertEquals(418, e.status());
        assertTrue(e.errorCode().isEmpty());
        assertEquals(wire, json.write(e.toEnvelope()));
    }

    @Test
    void componentIsAddedOnlyWhenAbsent() {
        RbeeException relayed = RbeeException.of(ErrorCode.MODEL_NOT_FOUND, "m", Map.of("component", "rbee-hive"));
        assertSame(relayed, relayed.withComponentIfAbsent("queen-rbee"));
        RbeeException own = RbeeException.of(ErrorCode.NODE_NOT_FOUND, "m", Map.of("node", "x"));
        RbeeException named = own.withComponentIfAbsent("queen-rbee");
        assertEquals(List.of("component", "node"), List.copyOf(named.details().keySet()));
        assertEquals("queen-rbee", named.component().orElseThrow());
        assertEquals(404, named.status());
    }

    @Test
    void fieldErrorOmitsAbsentValue() {
        assertEquals("{\"field\":\"prompt\",\"constraint\":\"required\",\"message\":\"prompt is required\"}",
                json.write(FieldError.of("prompt", "required", "prompt is required")));
    }
}
