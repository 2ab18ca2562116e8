package dev.rbee.contract.sse;

import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.openai.ChunkChoice;
import dev.rbee.contract.queen.HiveStatus;
import dev.rbee.contract.queen.Job;
import dev.rbee.contract.queen.Node;
import dev.rbee.contract.queen.QWorker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SseEventJsonTest {
    private final Json json = new Json();

    static Stream<SseEvent> everyEventType() {
        QWorker worker = new QWorker("worker-3b1e", "workstation", "http://h:8001", "hf:a/b", "hf:a/b:c.gguf",
                "cuda", 1, "idle", 1, 0, 4_000_000_000L, "2026-11-26T14:02:11.532Z", false);
        Node node = new Node("localhost", null, null, null, null, "/opt/rbee", 9200, null, "reachable", null, null,
                List.of("cpu"), Map.of("cpu", 1), "0.1.0", null, null);
        Job job = new Job("job-7f3c9a", "localhost", "demo:tiny", null, "provisioning", 0,
                "2026-11-26T14:02:11.532Z", null, null, null, null);
        return Stream.of(
                new StartedEvent("job-7f3c9a", "hf:a/b", "workstation", "worker-3b1e", "2026-11-26T14:02:11.532Z", 42L),
                new TokenEvent("Once", 0),
                new MetricsEvent(13.2, 210),
                EndEvent.of(20, 1515, StopReason.MAX_TOKENS),
                new EndEvent(3, 10, StopReason.STOP_SEQUENCE, "\n\n", 12.5, 9),
                new ErrorEvent("INSUFFICIENT_VRAM", "Not enough VRAM", Map.of("device", 1)),
                new ErrorEvent("CANCELLED", "Job job-1 was canceled", null),
                NarrationEvent.of("queen-rbee", "hive_start", "Starting rbee-hive on workstation"),
                new NarrationEvent("llm-worker-rbee", "token_generate", "Generated 10 tokens", "job-7f3c9a"),
                new DownloadingEvent(268_000_000, 669_800_000, 12.5),
                CompleteEvent.download("/m/x.gguf", "x"),
                CompleteEvent.install("0.1.0", "/home/ops/rbee"),
                new LoadingEvent(11, 22, 334_900_000),
                ReadyEvent.loaded(),
                ReadyEvent.relayed("worker-3b1e", "http://h:8001"),
                ReadyEvent.spawned("worker-3b1e", "http://h:8001", "workstation", "hf:a/b", "cuda", 1),
                new ProgressEvent(ProgressEvent.STAGE_COPY, 42_100_000, 84_200_000),
                new LogEvent("workstation", "worker-3b1e", "line"),
                new EofEvent(EofEvent.TAIL_COMPLETE),
                new SnapshotEvent(List.of(node), List.of(HiveStatus.stopped("workstation")), List.of(worker),
                        List.of(job)),
                new NodeEvent("workstation", NodeEvent.ADDED),
                new HiveEvent("workstation", "running", "0.1.0"),
                WorkerEvent.of(worker),
                WorkerEvent.removed(worker),
                new JobEvent("job-7f3c9a", "workstation", "hf:a/b", "worker-1", "running", 8, null, null),
                new JobEvent("job-7f3c9a", "workstation", "hf:a/b", null, "completed", 20, StopReason.MAX_TOKENS, null),
                new JobEvent("job-7f3c9a", "workstation", "hf:a/b", null, "failed", 3, null,
                        new dev.rbee.contract.error.ErrorSummary("WORKER_FAILED", "gone")),
                new DownloadEvent("workstation", "dl-abcdef", "hf:a/b", 10, 100L, DownloadEvent.RUNNING),
                new ShutdownEvent(),
                new ChunkEvent("chatcmpl-job-7f3c9a", ChunkEvent.CHAT_OBJECT, 1764165731, "hf:a/b",
                        List.of(ChunkChoice.chat("Once", null))));
    }

    @ParameterizedTest
    @MethodSource("everyEventType")
    void everyEventRoundTripsAndCarriesItsTypeFirst(SseEvent event) {
        String text = json.write(event);
        assertTrue(text.startsWith("{\"type\":\"" + event.eventType() + "\""), text);
        assertEquals(event, json.read(text, SseEvent.class));
    }

    @Test
    void specExampleLinesAreReproducedExactly() {
        assertEquals("{\"type\":\"started\",\"job_id\":\"job-7f3c9a\","
                        + "\"model\":\"hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF\",\"node\":\"workstation\","
                        + "\"worker_id\":\"worker-3b1e\",\"started_at\":\"2026-11-26T14:02:11.532Z\",\"seed\":42}",
                json.write(new StartedEvent("job-7f3c9a", "hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF",
                        "workstation", "worker-3b1e", "2026-11-26T14:02:11.532Z", 42L)));
        assertEquals("{\"type\":\"token\",\"t\":\"Once\",\"i\":0}", json.write(new TokenEvent("Once", 0)));
        assertEquals("{\"type\":\"metrics\",\"tokens_per_sec\":13.2,\"time_to_first_token_ms\":210}",
                json.write(new MetricsEvent(13.2, 210)));
        assertEquals("{\"type\":\"end\",\"tokens_out\":20,\"decode_time_ms\":1515,\"stop_reason\":\"MAX_TOKENS\"}",
                json.write(EndEvent.of(20, 1515, StopReason.MAX_TOKENS)));
        assertEquals("{\"type\":\"ready\"}", json.write(ReadyEvent.loaded()));
        assertEquals("{\"type\":\"shutdown\"}", json.write(new ShutdownEvent()));
        assertEquals("{\"type\":\"complete\",\"version\":\"0.1.0\",\"install_path\":\"/home/ops/rbee\"}",
                json.write(CompleteEvent.install("0.1.0", "/home/ops/rbee")));
        assertEquals("{\"type\":\"narration\",\"actor\":\"queen-rbee\",\"action\":\"ssh_connect\","
                        + "\"human\":\"Connecting to ops@workstation.home.arpa:22\"}",
                json.write(NarrationEvent.of("queen-rbee", "ssh_connect", "Connecting to ops@workstation.home.arpa:22")));
    }

    @Test
    void chunkEventMatchesTheOpenAiShape() {
        String line = "{\"type\":\"chunk\",\"id\":\"chatcmpl-job-7f3c9a\",\"object\":\"chat.completion.chunk\","
                + "\"created\":1764165731,\"model\":\"hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Once\"},\"finish_reason\":null}]}";
        ChunkEvent chunk = new ChunkEvent("chatcmpl-job-7f3c9a", ChunkEvent.CHAT_OBJECT, 1764165731,
                "hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF", List.of(ChunkChoice.chat("Once", null)));
        assertEquals(line, json.write(chunk));
        assertEquals(chunk, json.read(line, SseEvent.class));
        String last = json.write(new ChunkEvent("c", ChunkEvent.CHAT_OBJECT, 1, "m",
                List.of(ChunkChoice.chat(null, StopReason.MAX_TOKENS.finishReason()))));
        assertTrue(last.contains("\"delta\":{},\"finish_reason\":\"length\""), last);
    }

    @Test
    void unknownTypeBecomesUnknownEventAndKeepsItsType() {
        SseEvent event = json.read("{\"type\":\"telemetry\",\"x\":1}", SseEvent.class);
        UnknownEvent unknown = assertInstanceOf(UnknownEvent.class, event);
        assertEquals("telemetry", unknown.eventType());
        assertEquals("{\"type\":\"telemetry\"}", json.write(unknown));
    }

    @Test
    void eventWithoutTypeIsUnknownNotFatal() {
        assertInstanceOf(UnknownEvent.class, json.read("{\"t\":\"x\",\"i\":0}", SseEvent.class));
    }

    @Test
    void unknownFieldsAreIgnored() {
        SseEvent event = json.read("{\"type\":\"token\",\"t\":\"a\",\"i\":3,\"logprob\":-0.2,\"extra\":{}}",
                SseEvent.class);
        assertEquals(new TokenEvent("a", 3), event);
    }

    @Test
    void errorEventTurnsBackIntoTheExceptionWithTheCodesStatus() {
        ErrorEvent event = ErrorEvent.of(RbeeException.of(ErrorCode.INSUFFICIENT_VRAM, "need more",
                Map.of("component", "rbee-hive")));
        RbeeException back = event.toException();
        assertEquals("INSUFFICIENT_VRAM", back.code());
        assertEquals(507, back.status());
        assertEquals("rbee-hive", back.details().get("component"));
        assertFalse(json.write(new ErrorEvent("X", "m", null)).contains("details"));
    }
}
