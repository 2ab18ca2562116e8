package dev.rbee.contract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ids, times, versions, RBEE_HOME and paths: small rules every daemon relies on. */
class BasicsTest {

    @Test
    void idsHaveTheSpecsFormats() {
        Ids ids = new Ids(new Random(1));
        Set<String> jobs = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String job = ids.newJobId();
            assertTrue(Ids.JOB_ID.matcher(job).matches(), job);
            jobs.add(job);
        }
        assertTrue(jobs.size() > 45, "ids should not repeat often");
        assertTrue(Ids.WORKER_ID.matcher(new Ids().newWorkerId()).matches());
        assertTrue(Ids.DOWNLOAD_ID.matcher(new Ids().newDownloadId()).matches());
        assertTrue(Ids.isNodeName("workstation"));
        assertTrue(Ids.isNodeName("a" + "b".repeat(62)));
        assertFalse(Ids.isNodeName("a" + "b".repeat(63)));
        assertFalse(Ids.isNodeName("-ws"));
        assertFalse(Ids.isNodeName("WS"));
        assertTrue(Ids.CLIENT_JOB_ID.matcher("my.job_1-x").matches());
    }

    @Test
    void timesAlwaysHaveThreeFractionDigits() {
        assertEquals("2026-11-26T14:02:11.532Z", Times.format(Instant.parse("2026-11-26T14:02:11.532789Z")));
        assertEquals("2026-11-26T14:02:11.000Z", Times.format(Instant.parse("2026-11-26T14:02:11Z")));
        Clock fixed = Clock.fixed(Instant.parse("2026-01-02T03:04:05.006Z"), ZoneOffset.UTC);
        assertEquals("2026-01-02T03:04:05.006Z", Times.now(fixed));
        assertTrue(Times.now().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        assertEquals(Instant.parse("2026-11-26T14:02:11.532Z"), Times.parse("2026-11-26T14:02:11.532Z"));
    }

    @Test
    void versionsAreCompatibleOnMajorMinor() {
        assertTrue(Version.compatible("0.1.0", "0.1.7"));
        assertFalse(Version.compatible("0.1.0", "0.2.0"));
        assertFalse(Version.compatible("1.1.0", "0.1.0"));
        assertTrue(Version.compatible("0.1.0", "0.1.3-SNAPSHOT"));
        assertFalse(Version.compatible("0.1.0", "garbage"));
        assertFalse(Version.compatible(null, "0.1.0"));
        assertTrue(Version.compatibleWithCurrent(Version.CURRENT));
        assertEquals("v1", Version.API_VERSION);
    }

    @Test
    void rbeeHomeFromEnvironmentAndItsFiles(@TempDir Path tmp) throws IOException {
        RbeeHome home = RbeeHome.fromEnvironment(Map.of("RBEE_HOME", tmp.resolve("h").toString()));
        assertEquals(tmp.resolve("h"), home.root());
        assertEquals(tmp.resolve("h/beehives.db"), home.beehivesDb());
        assertEquals(tmp.resolve("h/models.db"), home.modelsDb());
        assertEquals(tmp.resolve("h/logs/worker-3b1e.log"), home.logFile("worker-3b1e"));
        assertEquals(tmp.resolve("h/config.toml"), home.configToml());
        assertEquals(tmp.resolve("h/known_hosts"), home.knownHosts());
        assertEquals(tmp.resolve("h/cluster-secret"), home.clusterSecret());
        assertEquals(tmp.resolve("h/queen-rbee.json"), home.queenRecord());
        home.ensureDirs();
        assertTrue(Files.isDirectory(home.modelsDir()));
        assertTrue(Files.isDirectory(home.logsDir()));
        assertEquals(home.root().resolve("partial"), home.partialDir());
        assertEquals(home.root().resolve("backups"), home.backupsDir());
        Path defaultHome = RbeeHome.fromEnvironment(Map.of()).root();
        assertEquals(Path.of(System.getProperty("user.home"), ".rbee"), defaultHome);
    }

    @Test
    void pathsEncodeTheirParameters() {
        assertEquals("/v2/nodes/workstation/install", ApiPaths.nodeInstall("workstation"));
        assertEquals("/v2/tasks/job-7f3c9a", ApiPaths.taskById("job-7f3c9a"));
        assertEquals("/v2/workers/worker-3b1e/heartbeat", ApiPaths.workerHeartbeat("worker-3b1e"));
        assertEquals("/v1/workers/worker-3b1e/shutdown", ApiPaths.hiveWorkerShutdown("worker-3b1e"));
        assertEquals("/v1/inference/a%20b%2Fc", ApiPaths.workerInference("a b/c"));
        assertEquals("/v2/nodes/ws/models/hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF",
                ApiPaths.nodeModel("ws", "hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF"));
        assertEquals("/v2/workers/list", ApiPaths.workersList(null));
        assertEquals("/v2/workers/list?node=ws", ApiPaths.workersList("ws"));
        assertEquals("/v2/logs?node=ws&worker=worker-3b1e&follow=true&lines=100",
                ApiPaths.logs("ws", "worker-3b1e", true, 100));
        assertEquals("/v2/logs?follow=false&lines=10", ApiPaths.logs(null, null, false, 10));
        assertEquals("/v1/models/download/progress?id=dl-abcdef", ApiPaths.hiveDownloadProgress("dl-abcdef"));
        assertEquals("/v2/tasks/{job_id}", ApiPaths.TASK_TEMPLATE);
    }
}
