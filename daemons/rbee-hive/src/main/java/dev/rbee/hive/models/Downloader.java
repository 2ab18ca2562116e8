package dev.rbee.hive.models;

import dev.rbee.contract.ModelRef;
import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.sse.DownloadingEvent;
import dev.rbee.contract.sse.NarrationEvent;
import dev.rbee.hive.models.hub.HubClient;
import dev.rbee.hive.models.hub.HubFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The background part of a download (api.md §6.1, §10): up to 6 attempts 100, 200, 400, 800, 1600 ms apart, each
 * resuming the {@code .partial} file; size and SHA-256 checked at the end (a mismatch deletes the file and counts as
 * an attempt); ENOSPC deletes the partial file and ends at once. After the last failure the partial file stays for a
 * later resume.
 */
public final class Downloader {
    public static final int ATTEMPTS = 6;
    static final long[] BACKOFF_MS = {100, 200, 400, 800, 1600};
    static final String ACTOR = "rbee-hive";
    private static final long PROGRESS_EVERY_NANOS = 500_000_000L;

    private final FileFetch fetch;
    private final Duration stallTimeout;

    private final String modelsDir;

    public Downloader(HubClient hub, Duration stallTimeout, long writeDelayMs) {
        this(hub, stallTimeout, writeDelayMs, 0, "models/");
    }

    public Downloader(HubClient hub, Duration stallTimeout, long writeDelayMs, long maxBytesPerSec, String modelsDir) {
        this.fetch = new FileFetch(hub, stallTimeout, writeDelayMs, maxBytesPerSec);
        this.stallTimeout = stallTimeout;
        this.modelsDir = modelsDir;
    }

    /** Downloads into {@code partial} and returns the verified file's SHA-256 (lower-case hex). */
    public String run(Download download, ModelRef ref, HubFile file, Path partial) {
        long total = file.sizeBytes();
        long have = size(partial);
        if (have > 0 && total > 0 && have < total) {
            narrate(download, "download_resume", "Resuming from " + (have * 100 / total) + "%...");
        }
        AttemptFailure last = null;
        int stalls = 0;
        boolean[] slowDiskSaid = {false}; // once per download, across its attempts
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (last != null) {
                pause(download, file, last, attempt);
            }
            try {
                return attempt(download, ref, file, partial, slowDiskSaid);
            } catch (AttemptFailure failure) {
                last = failure;
                stalls += failure.kind() == AttemptFailure.Kind.STALL ? 1 : 0;
            } catch (DiskFullException e) {
                long written = size(partial);
                deleteQuietly(partial);
                throw diskFull(file, partial, written, e);
            }
        }
        if (stalls == ATTEMPTS) {
            throw timedOut(size(partial), total);
        }
        throw failed(last);
    }

    private String attempt(Download download, ModelRef ref, HubFile file, Path partial, boolean[] slowDiskSaid)
            throws AttemptFailure, DiskFullException {
        long total = file.sizeBytes();
        long offset = size(partial);
        if (total > 0 && offset > total) {
            deleteQuietly(partial);
            offset = 0;
        }
        SpeedMeter meter = new SpeedMeter();
        long[] lastEmit = {0};
        FileFetch.Progress progress = new FileFetch.Progress() {
            @Override
            public void bytes(long done, long expected) {
                long now = System.nanoTime();
                meter.record(now, done);
                if (now - lastEmit[0] >= PROGRESS_EVERY_NANOS || done == expected) {
                    lastEmit[0] = now;
                    download.publish(new DownloadingEvent(done, Math.max(expected, done), meter.mbps()));
                }
            }

            @Override
            public void slowDisk(double mbps) {
                if (!slowDiskSaid[0]) {
                    slowDiskSaid[0] = true;
                    narrate(download, "disk_slow", "⚠️ Disk writes to " + modelsDir + " are slow ("
                            + String.format(Locale.ROOT, "%.1f", mbps) + " MB/s); download continues");
                }
            }
        };
        meter.record(System.nanoTime(), offset);
        long got = total > 0 && offset == total ? offset : fetch.fetch(ref, file.name(), partial, offset, total,
                progress);
        String sha = sha256(partial);
        boolean sizeWrong = total > 0 && got != total;
        if (sizeWrong || (file.sha256() != null && !file.sha256().equalsIgnoreCase(sha))) {
            deleteQuietly(partial);
            throw new AttemptFailure(AttemptFailure.Kind.CHECKSUM, "checksum", "checksum mismatch");
        }
        return sha;
    }

    private void pause(Download download, HubFile file, AttemptFailure last, int attempt) {
        long delay = BACKOFF_MS[attempt - 2];
        String of = "(attempt " + attempt + "/" + ATTEMPTS + ")";
        String human = switch (last.kind()) {
            case STALL -> "Download stalled, retrying " + of + "...";
            case CHECKSUM -> "Checksum mismatch for " + file.name() + ", retrying " + of;
            default -> "Retrying download " + of + "... delay " + delay + "ms";
        };
        narrate(download, "download_retry", human);
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new java.io.InterruptedIOException("download interrupted"));
        }
    }

    private static void narrate(Download download, String action, String human) {
        download.publish(NarrationEvent.of(ACTOR, action, human));
    }

    private RbeeException timedOut(long bytes, long total) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("attempts", ATTEMPTS);
        details.put("bytes_downloaded", bytes);
        details.put("bytes_total", total);
        return RbeeException.of(ErrorCode.DOWNLOAD_TIMEOUT, "Download stalled (no data for " + seconds(stallTimeout)
                + ") after " + ATTEMPTS + " attempts", details);
    }

    private static RbeeException failed(AttemptFailure last) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("attempts", ATTEMPTS);
        details.put("reason", last.reason());
        details.put("last_error", last.getMessage());
        return RbeeException.of(ErrorCode.DOWNLOAD_FAILED, "Download failed after " + ATTEMPTS + " attempts: "
                + last.getMessage(), details);
    }

    private static RbeeException diskFull(HubFile file, Path partial, long written, DiskFullException e) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("bytes_downloaded", written);
        details.put("path", partial.getParent().toString());
        return RbeeException.of(ErrorCode.DISK_FULL, "Disk full while downloading " + file.name() + ": "
                + e.getMessage(), details);
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + file, e);
        }
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 20];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
