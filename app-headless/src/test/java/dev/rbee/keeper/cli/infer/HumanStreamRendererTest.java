package dev.rbee.keeper.cli.infer;

import dev.rbee.contract.json.Json;
import dev.rbee.contract.queen.TaskRequest;
import dev.rbee.contract.sse.SseEvent;
import dev.rbee.keeper.cli.ConsoleCapture;
import dev.rbee.keeper.testing.Events;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The renderer against a scripted event list, as a fake event source. */
class HumanStreamRendererTest {
    private static final Json JSON = new Json();
    private static final TaskRequest REQUEST = new TaskRequest("localhost", "demo:tiny", "cpu", 0, "hi", 20, 0.7,
            null, null, null, null, null, null);

    private static void play(HumanStreamRenderer renderer, List<String> events) {
        for (String json : events) {
            renderer.event(JSON.read(json, SseEvent.class), json);
        }
    }

    @Test
    void coldRunOnAFileNotATerminal() {
        ConsoleCapture capture = new ConsoleCapture(false);
        HumanStreamRenderer renderer = new HumanStreamRenderer(capture.console(), REQUEST);
        List<String> events = new ArrayList<>();
        events.add(Events.narration("queen-rbee", "Starting rbee-hive on localhost"));
        for (int done = 0; done <= 1000; done += 250) {
            events.add("{\"type\":\"downloading\",\"bytes_downloaded\":" + done * 1000
                    + ",\"bytes_total\":1000000,\"speed_mbps\":1.0}");
        }
        events.add("{\"type\":\"complete\",\"local_path\":\"/m/demo-tiny.gguf\",\"model_id\":\"demo-tiny\"}");
        for (int layer = 1; layer <= 4; layer++) {
            events.add("{\"type\":\"loading\",\"layers_loaded\":" + layer + ",\"layers_total\":4,\"bytes_loaded\":1}");
        }
        events.add("{\"type\":\"ready\",\"worker_id\":\"worker-3b1e\",\"url\":\"http://127.0.0.1:8001\"}");
        events.addAll(Events.warmRun("job-7f3c9a", "Hello", " world"));
        events.add("{\"type\":\"something_new\",\"x\":1}");
        play(renderer, events);

        assertEquals("Hello world", capture.out());
        assertEquals(List.of(
                "[queen-rbee] Starting rbee-hive on localhost",
                "Downloading demo:tiny [░░░░░░░░░░░░░░░░░░░░]   0%  0 B / 1.0 MB  1.0 MB/s  ETA 1s",
                "Downloading demo:tiny [█████░░░░░░░░░░░░░░░]  25%  250.0 KB / 1.0 MB  1.0 MB/s  ETA 1s",
                "Downloading demo:tiny [██████████░░░░░░░░░░]  50%  500.0 KB / 1.0 MB  1.0 MB/s  ETA 1s",
                "Downloading demo:tiny [███████████████░░░░░]  75%  750.0 KB / 1.0 MB  1.0 MB/s  ETA 0s",
                "Downloading demo:tiny [████████████████████] 100%  1.0 MB / 1.0 MB  1.0 MB/s  ETA --",
                "[rbee-hive] ✅ Model downloaded to /m/demo-tiny.gguf",
                "Loading demo:tiny on cpu:0 [█████░░░░░░░░░░░░░░░] 1/4 layers",
                "Loading demo:tiny on cpu:0 [██████████░░░░░░░░░░] 2/4 layers",
                "Loading demo:tiny on cpu:0 [███████████████░░░░░] 3/4 layers",
                "Loading demo:tiny on cpu:0 [████████████████████] 4/4 layers",
                "[llm-worker-rbee] ✅ Model loaded, worker ready",
                "[queen-rbee] ▶ Job job-7f3c9a started on localhost (worker worker-3b1e)"), capture.errLines());
        assertEquals("worker-3b1e", renderer.workerId());
    }

    @Test
    void onATerminalTheBarIsRedrawnInPlaceAndNarrationNeverSplitsAToken() {
        ConsoleCapture capture = new ConsoleCapture(true);
        HumanStreamRenderer renderer = new HumanStreamRenderer(capture.console(), REQUEST);
        play(renderer, List.of(
                "{\"type\":\"loading\",\"layers_loaded\":1,\"layers_total\":2,\"bytes_loaded\":1}",
                "{\"type\":\"loading\",\"layers_loaded\":2,\"layers_total\":2,\"bytes_loaded\":1}",
                "{\"type\":\"ready\"}",
                Events.token("Once", 0),
                Events.narration("llm-worker-rbee", "Generated 10 tokens"),
                Events.token(" upon", 1)));
        assertEquals("Once upon", capture.out());
        assertEquals("\rLoading demo:tiny on cpu:0 [██████████░░░░░░░░░░] 1/2 layers\u001b[K"
                + "\rLoading demo:tiny on cpu:0 [████████████████████] 2/2 layers\u001b[K\n"
                + "[llm-worker-rbee] ✅ Model loaded, worker ready\n"
                + "\n[llm-worker-rbee] Generated 10 tokens\n", capture.err());
    }

    @Test
    void cancelLinesOfSection12() {
        ConsoleCapture capture = new ConsoleCapture();
        HumanStreamRenderer renderer = new HumanStreamRenderer(capture.console(), REQUEST);
        renderer.cancelling(true);
        renderer.cancelling(false);
        assertEquals(List.of("🛑 Canceling request...", "🛑 Canceled before the job started"), capture.errLines());
    }

    @Test
    void jsonRendererPrintsEventsVerbatim() {
        ConsoleCapture capture = new ConsoleCapture();
        JsonStreamRenderer renderer = new JsonStreamRenderer(capture.console());
        List<String> events = Events.warmRun("job-1", "a");
        for (String json : events) {
            renderer.event(JSON.read(json, SseEvent.class), json);
        }
        assertEquals(events, capture.outLines());
        assertEquals("", capture.err());
    }
}
