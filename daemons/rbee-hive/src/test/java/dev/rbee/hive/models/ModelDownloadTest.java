package dev.rbee.hive.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.hive.DownloadResponse;
import dev.rbee.contract.hive.Model;
import dev.rbee.contract.sse.CompleteEvent;
import dev.rbee.contract.sse.DownloadingEvent;
import dev.rbee.contract.sse.ErrorEvent;
import dev.rbee.contract.sse.NarrationEvent;
import dev.rbee.contract.sse.SseEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelDownloadTest {
    private static final String REPO = "org/repo";
    private static final String FILE = "m.Q4_K_M.gguf";

    @TempDir
    Path home;
    private TestHub hub;
    private byte[] bytes;

    @BeforeEach
    void hub() throws Exception {
        hub = new TestHub();
        bytes = new byte[3 * 1024 * 1024 + 17];
        new Random(3).nextBytes(bytes);
        hub.put(REPO, FILE, bytes);
        hub.put(REPO, "m.Q8_0.gguf", new byte[4096]);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private ModelService service() {
        return TestModels.service(home, hub.url(), Duration.ofMillis(500), Map.of());
    }

    /** Every event of the download until its terminal one. */
    private static List<SseEvent> events(ModelService models, String id) throws InterruptedException {
        BlockingQueue<SseEvent> queue = models.downloads().get(id).subscribe();
        List<SseEvent> events = new ArrayList<>();
        while (events.isEmpty() || !Download.isTerminal(events.getLast())) {
            SseEvent e = queue.poll(30, TimeUnit.SECONDS);
            assertTrue(e != null, "download ended within 30 s: " + events);
            events.add(e);
        }
        return events;
    }

    private Path target() {
        return home.resolve("models/hf/org/repo").resolve(FILE);
    }

    @Test
    void aMissDownloadsThePreferredFileVerifiesAndRegistersIt() throws Exception {
        ModelService models = service();
        DownloadResponse started = models.download("hf:org/repo");
        assertNull(started.localPath());
        List<SseEvent> events = events(models, started.downloadId());
        CompleteEvent complete = (CompleteEvent) events.getLast();
        assertEquals(target().toString(), complete.localPath());
        assertEquals("m.Q4_K_M", complete.modelId());
        // the narration "✅ Model downloaded to …" comes between the last progress and complete (S160)
        DownloadingEvent last = (DownloadingEvent) events.stream().filter(DownloadingEvent.class::isInstance)
                .reduce((a, b) -> b).orElseThrow();
        assertTrue(events.get(events.size() - 2) instanceof dev.rbee.contract.sse.NarrationEvent n
                && n.human().startsWith("✅ Model downloaded to "), events::toString);
        assertEquals(bytes.length, last.bytesDownloaded());
        assertEquals(bytes.length, last.bytesTotal());
        assertArrayEquals(bytes, Files.readAllBytes(target()));
        assertFalse(Files.exists(ModelFiles.partialOf(target())));
        Model row = models.catalog().byId("m.Q4_K_M").orElseThrow();
        assertEquals(TestHub.sha256(bytes), row.sha256());
        assertEquals("Q4_K_M", row.quantization());
        assertEquals(bytes.length, row.sizeBytes());

        int requestsBefore = hub.requests.size();
        DownloadResponse hit = models.download("hf:org/repo");
        assertEquals(target().toString(), hit.localPath());
        assertEquals(requestsBefore, hub.requests.size(), "a catalog hit asks the hub nothing");
        assertTrue(events(models, hit.downloadId()).getFirst() instanceof CompleteEvent, "replayed complete");
        assertEquals(target(), models.resolveForSpawn("hf:org/repo"));
    }

    @Test
    void aCutConnectionResumesWithRange() throws Exception {
        hub.fault(FILE).times = 1;
        hub.fault(FILE).cutAt = 1_310_720;
        ModelService models = service();
        List<SseEvent> events = events(models, models.download("hf:org/repo").downloadId());
        assertTrue(events.getLast() instanceof CompleteEvent, events.toString());
        List<TestHub.Request> files = hub.fileRequests();
        assertEquals(2, files.size());
        assertNull(files.get(0).range());
        assertEquals("bytes=1310720-", files.get(1).range());
        assertTrue(events.stream().anyMatch(e -> e instanceof NarrationEvent n
                && n.human().equals("Retrying download (attempt 2/6)... delay 100ms")), events.toString());
        assertArrayEquals(bytes, Files.readAllBytes(target()));
    }

    @Test
    void aChecksumMismatchDeletesTheFileAndStartsOver() throws Exception {
        hub.fault(FILE).times = 1;
        hub.fault(FILE).corrupt = true;
        ModelService models = service();
        List<SseEvent> events = events(models, models.download("hf:org/repo:Q4_K_M").downloadId());
        assertTrue(events.getLast() instanceof CompleteEvent, events.toString());
        assertTrue(events.stream().anyMatch(e -> e instanceof NarrationEvent n
                && n.human().equals("Checksum mismatch for m.Q4_K_M.gguf, retrying (attempt 2/6)")));
        assertNull(hub.fileRequests().get(1).range(), "the second attempt starts from byte 0");
        assertArrayEquals(bytes, Files.readAllBytes(target()));
    }

    @Test
    void stallsOnEveryAttemptEndInDownloadTimeoutAndKeepThePartialFile() throws Exception {
        hub.fault(FILE).times = 6;
        hub.fault(FILE).stallAt = 1_048_576;
        ModelService models = service();
        long start = System.nanoTime();
        List<SseEvent> events = events(models, models.download("hf:org/repo").downloadId());
        ErrorEvent error = (ErrorEvent) events.getLast();
        assertEquals("DOWNLOAD_TIMEOUT", error.code());
        assertEquals("Download stalled (no data for 0.5 s) after 6 attempts", error.message());
        assertEquals(6, hub.fileRequests().size());
        hub.fileRequests().stream().skip(1).forEach(r -> assertEquals("bytes=1048576-", r.range()));
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(elapsedMs >= 6 * 500 + 3100, "6 stalls of 0.5 s and 3.1 s of backoff, took " + elapsedMs);
        assertEquals(1_048_576, Files.size(ModelFiles.partialOf(target())));
        assertTrue(models.catalog().list(null).isEmpty());
    }

    @Test
    void hubErrorsAnswerTheRequest() throws Exception {
        ModelService models = service();
        RbeeException missing = assertThrows(RbeeException.class, () -> models.download("hf:NonExistent/FakeModel"));
        assertEquals("MODEL_NOT_FOUND", missing.code());
        assertEquals("Model 'hf:NonExistent/FakeModel' not found on Hugging Face", missing.getMessage());
        assertEquals("not_on_hub", missing.details().get("reason"));
        RbeeException quant = assertThrows(RbeeException.class, () -> models.download("hf:org/repo:Q6_K"));
        assertEquals("file_not_in_repo", quant.details().get("reason"));
        assertEquals(List.of("m.Q4_K_M.gguf", "m.Q8_0.gguf"),
                ((List<?>) quant.details().get("available_files")).stream().sorted().toList());
        hub.requiredToken = "hf_test123";
        RbeeException denied = assertThrows(RbeeException.class, () -> models.download("hf:org/repo"));
        assertEquals("MODEL_ACCESS_DENIED", denied.code());
        assertEquals("HF_TOKEN", denied.details().get("hint"));
        assertTrue(models.catalog().list(null).isEmpty());
    }

    @Test
    void aTokenOpensAPrivateRepo() throws Exception {
        hub.requiredToken = "hf_test123";
        ModelService models = TestModels.service(home, hub.url(), Duration.ofSeconds(5),
                Map.of("HF_TOKEN", "hf_test123"));
        assertTrue(events(models, models.download("hf:org/repo").downloadId()).getLast() instanceof CompleteEvent);
        assertTrue(hub.requests.stream().allMatch(r -> "Bearer hf_test123".equals(r.authorization())));
    }

    @Test
    void aHubFileNameThatLeavesTheRepoDirectoryIsRefused() throws Exception {
        hub.put("evil/repo", "../../../escape.Q4_K_M.gguf", new byte[10]);
        RbeeException e = assertThrows(RbeeException.class, () -> service().download("hf:evil/repo"));
        assertEquals("MODEL_INCOMPATIBLE", e.code());
        assertEquals("unsafe_file_name", e.details().get("reason"));
        assertTrue(hub.fileRequests().isEmpty());
    }

    @Test
    void concurrentRequestsShareOneDownload() throws Exception {
        hub.fault(FILE).times = 1;
        hub.fault(FILE).stallAt = 1_048_576;
        ModelService models = service();
        String first = models.download("hf:org/repo").downloadId();
        String second = models.download("hf:org/repo:" + FILE).downloadId();
        assertEquals(first, second);
        assertTrue(events(models, first).getLast() instanceof CompleteEvent);
    }

    @Test
    void notEnoughDiskIsRefusedBeforeAnyFileRequest() throws Exception {
        ModelCatalog catalog = ModelCatalog.open(home.resolve("models.db"), home.resolve("backups"));
        dev.rbee.hive.models.hub.HubClient client = new dev.rbee.hive.models.hub.HubClient(hub.url(), null,
                new dev.rbee.contract.json.Json());
        ModelService models = new ModelService(catalog, home.resolve("models"), client,
                new Downloader(client, Duration.ofSeconds(5), 0), new DiskSpace("workstation", () -> 1_000_000L));
        RbeeException e = assertThrows(RbeeException.class, () -> models.download("hf:org/repo"));
        assertEquals("INSUFFICIENT_DISK", e.code());
        assertEquals("Not enough disk space on workstation: need 3.1 MB, have 1.0 MB", e.getMessage());
        assertEquals(0, hub.fileRequests().size());
    }
}
