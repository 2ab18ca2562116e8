package dev.rbee.bench;

import dev.rbee.contract.client.HiveClient;
import dev.rbee.contract.client.SseResponse;
import dev.rbee.contract.hive.DownloadResponse;
import dev.rbee.contract.hive.HWorker;
import dev.rbee.contract.hive.HiveSpawnRequest;
import dev.rbee.contract.hive.HiveSpawnResponse;
import dev.rbee.contract.sse.CompleteEvent;
import dev.rbee.contract.sse.DownloadingEvent;
import dev.rbee.contract.sse.ErrorEvent;
import dev.rbee.contract.sse.SseEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * What provisioning on one node costs, with real processes on loopback: (1) rbee-hive's model download ({@code POST
 * /v1/models/download}, then its progress stream to {@code complete}) from a {@link LocalHub}, against a plain
 * HttpClient download of the same file from the same server to the same disk, alone and followed by a SHA-256 pass
 * (the hive verifies every file it downloads, so that pass is part of its time); (2) {@code POST /v1/workers/spawn}
 * of demo:tiny to 202 and to the worker listed {@code idle} (polled every 20 ms), against one JVM start. Every run
 * starts a fresh hive on a fresh RBEE_HOME, so the hive really downloads. Usage:
 * {@code HiveProvisioning <rbee root> <model.gguf> <runs> <work dir>}; prints one line per figure: median and range.
 * One plain download before the runs warms this JVM and is not counted; the hive is a fresh JVM in every run.
 */
public final class HiveProvisioning {
    private static final String REPO = "rbee-bench/TinyLlama-Shape-GGUF";
    private static final long POLL_MILLIS = 20;

    /** One run's figures, in seconds. */
    record Run(double plain, double plainSha, double hiveBytes, double hive, double spawn202, double spawnIdle) {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Path model = Path.of(args[1]);
        int runs = Integer.parseInt(args[2]);
        Path work = Path.of(args[3]);
        long size = Files.size(model);
        List<Run> results = new ArrayList<>();
        List<Double> jvm = new ArrayList<>();
        List<Double> workerJvm = new ArrayList<>();
        try (LocalHub hub = new LocalHub(model, REPO); HttpClient http = HttpClient.newHttpClient()) {
            Files.createDirectories(work);
            plainDownload(http, hub, work.resolve("warm-up.gguf")); // as in the other benchmarks, not counted
            Files.delete(work.resolve("warm-up.gguf"));
            for (int run = 1; run <= runs; run++) {
                jvm.add(jvmStart(root, "rbee-keeper"));
                workerJvm.add(jvmStart(root, "llm-worker-rbee"));
                results.add(run(root, hub, http, work.resolve("run-" + run), work.resolve("pids"), size));
                System.err.println("run " + run + ": " + results.getLast());
            }
        }
        report(model, size, runs, results, jvm, workerJvm);
    }

    private static Run run(Path root, LocalHub hub, HttpClient http, Path dir, Path pids, long size)
            throws Exception {
        Files.createDirectories(dir);
        double[] plain = plainDownload(http, hub, dir.resolve("plain.gguf"));
        try (BenchHive hive = BenchHive.start(root, dir.resolve("home"), hub.url(), pids)) {
            double[] download = hiveDownload(hive.client(), "hf:" + REPO, size);
            await(hive.client(), hive.client().modelsDownload("demo:tiny")); // the spawn times the worker, not this
            double[] spawn = spawn(hive);
            return new Run(plain[0], plain[1], download[0], download[1], spawn[0], spawn[1]);
        } catch (Exception | Error e) {
            Path log = dir.resolve("home/hive-console.log");
            System.err.println(Files.exists(log) ? "rbee-hive said:\n" + Files.readString(log) : "");
            throw e;
        } finally {
            deleteTree(dir); // about 400 MB per run otherwise
        }
    }

    /** Seconds to the last byte on disk, and to the end of a SHA-256 pass over the file after it. */
    private static double[] plainDownload(HttpClient http, LocalHub hub, Path target) throws Exception {
        long start = System.nanoTime();
        HttpResponse<Path> response = http.send(HttpRequest.newBuilder(URI.create(hub.fileUrl())).build(),
                HttpResponse.BodyHandlers.ofFile(target));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + " from " + hub.fileUrl());
        }
        double downloaded = seconds(start);
        if (!LocalHub.sha256(target).equals(hub.sha256())) {
            throw new IllegalStateException("plain download differs from the served file");
        }
        return new double[] {downloaded, seconds(start)};
    }

    /** Seconds from the POST to the progress event that reports every byte, and to {@code complete}. */
    private static double[] hiveDownload(HiveClient hive, String ref, long size) {
        long start = System.nanoTime();
        DownloadResponse started = hive.modelsDownload(ref);
        if (started.alreadyPresent()) {
            throw new IllegalStateException(ref + " was already in the catalog of a fresh RBEE_HOME");
        }
        double lastByte = Double.NaN;
        try (SseResponse progress = hive.downloadProgress(started.downloadId())) {
            while (progress.events().hasNext()) {
                SseEvent event = progress.events().next();
                if (event instanceof DownloadingEvent d && d.bytesDownloaded() == size && Double.isNaN(lastByte)) {
                    lastByte = seconds(start);
                } else if (event instanceof CompleteEvent) {
                    return new double[] {lastByte, seconds(start)};
                } else if (event instanceof ErrorEvent error) {
                    throw error.toException();
                }
            }
        }
        throw new IllegalStateException("the progress stream of " + ref + " ended without complete");
    }

    private static void await(HiveClient hive, DownloadResponse download) {
        if (download.alreadyPresent()) {
            return;
        }
        try (SseResponse progress = hive.downloadProgress(download.downloadId())) {
            while (progress.events().hasNext()) {
                if (progress.events().next() instanceof ErrorEvent error) {
                    throw error.toException();
                }
            }
        }
    }

    /** Seconds from the spawn request to its 202, and to the first list that shows the worker idle. */
    private static double[] spawn(BenchHive hive) throws Exception {
        long start = System.nanoTime();
        HiveSpawnResponse accepted = hive.client().spawnWorker(new HiveSpawnRequest("demo:tiny", "cpu", null, null));
        double answered = seconds(start);
        boolean recorded = false;
        for (long deadline = start + 120_000_000_000L; System.nanoTime() < deadline; Thread.sleep(POLL_MILLIS)) {
            HWorker worker = hive.client().workersList().workers().stream()
                    .filter(w -> w.workerId().equals(accepted.workerId())).findFirst().orElseThrow();
            if ("idle".equals(worker.state())) {
                double idle = seconds(start);
                if (!recorded) {
                    hive.recordPid(worker.pid());
                }
                return new double[] {answered, idle};
            }
            if (!recorded && worker.pid() != null) { // after the idle check: the first poll is not delayed by it
                hive.recordPid(worker.pid());
                recorded = true;
            }
            if ("error".equals(worker.state())) {
                throw new IllegalStateException("worker failed: " + worker.error());
            }
        }
        throw new IllegalStateException("worker " + accepted.workerId() + " not idle within 120 s");
    }

    /** One JVM start, as cold-start.sh takes it: {@code bin/<launcher> --version}. */
    private static double jvmStart(Path root, String launcher) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(root.resolve("bin/" + launcher).toString(), "--version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(launcher + " --version failed");
        }
        return seconds(start);
    }

    private static void report(Path model, long size, int runs, List<Run> results, List<Double> jvm,
                               List<Double> workerJvm) {
        double mb = size / 1e6;
        System.out.printf("file     %s, %.1f MB, served from %s, median (min–max) of %d runs%n", model.getFileName(),
                mb, REPO, runs);
        Function<Function<Run, Double>, List<Double>> column = f -> results.stream().map(f).toList();
        List<Double> plain = rates(mb, column.apply(Run::plain));
        List<Double> plainSha = rates(mb, column.apply(Run::plainSha));
        List<Double> hive = rates(mb, column.apply(Run::hive));
        System.out.println(line("download plain HttpClient", plain, "MB/s"));
        System.out.println(line("download plain + SHA-256 pass", plainSha, "MB/s"));
        System.out.println(line("download rbee-hive to last byte", rates(mb, column.apply(Run::hiveBytes)), "MB/s"));
        System.out.println(line("download rbee-hive to complete", hive, "MB/s"));
        System.out.printf("ratio    hive/plain %.2f   hive/(plain + SHA-256) %.2f   (complete includes the hive's "
                + "SHA-256 check and catalog insert)%n", median(hive) / median(plain), median(hive) / median(plainSha));
        List<Double> spawnIdle = column.apply(Run::spawnIdle);
        System.out.println(line("jvm      rbee-keeper --version", jvm, "s"));
        System.out.println(line("jvm      llm-worker-rbee --version", workerJvm, "s"));
        System.out.println(line("spawn    POST → 202", column.apply(Run::spawn202), "s"));
        System.out.println(line("spawn    POST → listed idle", spawnIdle, "s"));
        System.out.printf("ratio    spawn→idle / one JVM start %.2f   (/ the worker's JVM start %.2f)%n",
                median(spawnIdle) / median(jvm), median(spawnIdle) / median(workerJvm));
    }

    private static List<Double> rates(double mb, List<Double> seconds) {
        return seconds.stream().map(s -> mb / s).toList();
    }

    private static String line(String what, List<Double> values, String unit) {
        List<Double> sorted = values.stream().sorted().toList();
        return String.format("%-34s %8.3f %-4s (%.3f–%.3f)", what, median(values), unit, sorted.getFirst(),
                sorted.getLast());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
