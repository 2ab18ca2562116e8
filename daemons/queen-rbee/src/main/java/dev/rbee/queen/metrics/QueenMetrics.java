package dev.rbee.queen.metrics;

import dev.rbee.contract.Version;
import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.queen.Job;
import dev.rbee.contract.queen.JobState;
import dev.rbee.contract.queen.QWorker;
import dev.rbee.queen.registry.WorkerDirectory;
import dev.rbee.queen.tasks.FinishedJob;
import dev.rbee.queen.tasks.JobRegistry;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Queen's metrics (api.md §5.9). Counters and histograms are fed as jobs end and requests are answered; gauges are
 * read at scrape time from the same registries that {@code /v2/tasks} and {@code /v2/workers/list} answer from, so
 * the numbers agree with them.
 */
public final class QueenMetrics {
    private static final List<String> OUTCOMES = List.of(JobState.COMPLETED, JobState.FAILED, JobState.CANCELLED);

    private final JobRegistry jobs;
    private final WorkerDirectory directory;
    private final Supplier<List<HiveSnapshot>> hives;
    private final Map<String, LongAdder> tasks = new ConcurrentHashMap<>();
    private final Map<List<String>, LongAdder> tokens = new ConcurrentHashMap<>();
    private final Map<List<String>, LongAdder> downloads = new ConcurrentHashMap<>();
    private final Map<List<String>, LongAdder> requests = new ConcurrentHashMap<>();
    private final Histogram inference = new Histogram(Histogram.SECONDS_BUCKETS);
    private final Histogram firstToken = new Histogram(Histogram.SECONDS_BUCKETS);

    public QueenMetrics(JobRegistry jobs, WorkerDirectory directory, Supplier<List<HiveSnapshot>> hives) {
        this.jobs = jobs;
        this.directory = directory;
        this.hives = hives;
        OUTCOMES.forEach(o -> tasks.put(o, new LongAdder()));
    }

    /** A job ended: its outcome, tokens, timings and any model download it waited for. */
    public void jobFinished(FinishedJob finished) {
        Job job = finished.job();
        tasks.get(outcome(job)).increment();
        count(tokens, List.of(job.node(), job.model()), job.tokensOut());
        if (finished.inferenceSeconds() != null) {
            inference.observe(finished.inferenceSeconds());
        }
        if (finished.firstTokenSeconds() != null) {
            firstToken.observe(finished.firstTokenSeconds());
        }
        if (finished.downloadOutcome() != null) {
            count(downloads, List.of(job.node(), finished.downloadOutcome()), 1);
        }
    }

    /** A request was answered; {@code route} is the path template ({@code /v2/tasks/{job_id}}). */
    public void request(String route, int status) {
        count(requests, List.of(route, Integer.toString(status)), 1);
    }

    /** A job whose caller left, or that was canceled before it started, counts as canceled. */
    static String outcome(Job job) {
        if (JobState.FAILED.equals(job.state()) && job.error() != null
                && (ErrorCode.CANCELLED.name().equals(job.error().code())
                || ErrorCode.REQUEST_CANCELED.name().equals(job.error().code()))) {
            return JobState.CANCELLED;
        }
        return OUTCOMES.contains(job.state()) ? job.state() : JobState.FAILED;
    }

    private static void count(Map<List<String>, LongAdder> map, List<String> key, long by) {
        map.computeIfAbsent(key, k -> new LongAdder()).add(by);
    }

    /** The whole exposition. */
    public String scrape() {
        PrometheusText out = new PrometheusText();
        out.family("rbee_build_info", "gauge", "Version of queen-rbee").sample("rbee_build_info", 1, "version",
                Version.CURRENT);
        out.family("rbee_tasks_total", "counter", "Tasks that ended, by outcome");
        OUTCOMES.forEach(o -> out.sample("rbee_tasks_total", tasks.get(o).sum(), "outcome", o));
        List<Job> inFlight = jobs.inFlight();
        out.family("rbee_tasks_active", "gauge", "Tasks in flight (provisioning or running)")
                .sample("rbee_tasks_active", inFlight.size());
        out.family("rbee_queue_size", "gauge", "Tasks still provisioning").sample("rbee_queue_size",
                inFlight.stream().filter(j -> JobState.PROVISIONING.equals(j.state())).count());
        out.family("rbee_tokens_generated_total", "counter", "Tokens generated, by node and model");
        sorted(tokens).forEach((k, v) -> out.sample("rbee_tokens_generated_total", v, "node", k.get(0), "model",
                k.get(1)));
        out.family("rbee_inference_duration_seconds", "histogram", "Time from started to the end of a job")
                .histogram("rbee_inference_duration_seconds", inference.snapshot());
        out.family("rbee_time_to_first_token_seconds", "histogram", "Time from started to the first token")
                .histogram("rbee_time_to_first_token_seconds", firstToken.snapshot());
        writeWorkers(out);
        writeHives(out, hives.get());
        out.family("rbee_model_downloads_total", "counter", "Model downloads that tasks waited for, by outcome");
        sorted(downloads).forEach((k, v) -> out.sample("rbee_model_downloads_total", v, "node", k.get(0), "outcome",
                k.get(1)));
        out.family("rbee_http_requests_total", "counter", "HTTP requests answered, by route template and status");
        sorted(requests).forEach((k, v) -> out.sample("rbee_http_requests_total", v, "route", k.get(0), "status",
                k.get(1)));
        return out.toString();
    }

    private void writeWorkers(PrometheusText out) {
        Map<List<String>, Long> byNodeState = new TreeMap<>(QueenMetrics::compare);
        for (QWorker w : directory.list(null)) {
            byNodeState.merge(List.of(w.node(), w.state()), 1L, Long::sum);
        }
        out.family("rbee_workers", "gauge", "Registered workers, by node and state");
        byNodeState.forEach((k, v) -> out.sample("rbee_workers", v, "node", k.get(0), "state", k.get(1)));
    }

    private static void writeHives(PrometheusText out, List<HiveSnapshot> snapshot) {
        Map<String, Long> byState = new TreeMap<>();
        snapshot.forEach(h -> byState.merge(h.state(), 1L, Long::sum));
        out.family("rbee_hives", "gauge", "Hives, by state");
        byState.forEach((state, n) -> out.sample("rbee_hives", n, "state", state));
        out.family("rbee_vram_bytes", "gauge", "GPU memory of running hives, total and free");
        for (HiveSnapshot h : snapshot) {
            for (HiveSnapshot.Gpu gpu : h.gpus()) {
                out.sample("rbee_vram_bytes", gpu.totalBytes(), "node", h.node(), "device", gpu.device(), "kind",
                        "total");
                out.sample("rbee_vram_bytes", gpu.freeBytes(), "node", h.node(), "device", gpu.device(), "kind",
                        "free");
            }
        }
    }

    private static Map<List<String>, Long> sorted(Map<List<String>, LongAdder> map) {
        Map<List<String>, Long> out = new TreeMap<>(QueenMetrics::compare);
        map.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    private static int compare(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
