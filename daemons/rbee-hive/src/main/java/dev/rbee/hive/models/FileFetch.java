package dev.rbee.hive.models;

import dev.rbee.contract.ModelRef;
import dev.rbee.hive.models.hub.HubClient;
import dev.rbee.hive.models.hub.HubErrors;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

/**
 * One attempt at the file: ask from {@code offset} with {@code Range}, append what arrives to the partial file (or
 * start it over when the hub answers 200 instead of 206). A read that waits longer than the stall limit is a stall.
 */
final class FileFetch {
    private static final int BUFFER = 64 * 1024;

    /** Below this many MB/s, measured over at least a second of writing, disk writes are reported as slow. */
    static final double SLOW_DISK_MBPS = 10.0;

    interface Progress {
        void bytes(long done, long total);

        /** The disk takes longer than the network: said once per download, the download goes on (S157). */
        void slowDisk(double mbps);
    }

    private final HubClient hub;
    private final Duration stallTimeout;
    private final long writeDelayMs;
    private final long maxBytesPerSec;

    FileFetch(HubClient hub, Duration stallTimeout, long writeDelayMs, long maxBytesPerSec) {
        this.hub = hub;
        this.stallTimeout = stallTimeout;
        this.writeDelayMs = writeDelayMs;
        this.maxBytesPerSec = maxBytesPerSec;
    }

    /** Returns the partial file's size once the hub has sent everything it meant to. */
    long fetch(ModelRef ref, String file, Path partial, long offset, long expectedTotal, Progress progress)
            throws AttemptFailure, DiskFullException {
        HttpURLConnection conn = null;
        try {
            conn = hub.openFile(ref, file, offset, stallTimeout);
            int status = conn.getResponseCode();
            long start = startOffset(ref, file, status, offset);
            long length = conn.getContentLengthLong();
            long total = expectedTotal > 0 ? expectedTotal : (length >= 0 ? start + length : -1);
            try (InputStream in = conn.getInputStream()) {
                return copy(in, partial, start, total, progress);
            }
        } catch (SocketTimeoutException e) {
            throw new AttemptFailure(AttemptFailure.Kind.STALL, "stall", "no data for " + stallTimeout.toMillis()
                    + " ms");
        } catch (IOException e) {
            throw new AttemptFailure(AttemptFailure.Kind.NETWORK, "network", describe(e));
        } finally {
            if (conn != null) {
                conn.disconnect();
            }
        }
    }

    /** 206 continues at {@code offset}; 200 is the whole file again; anything else ends the attempt. */
    private static long startOffset(ModelRef ref, String file, int status, long offset) throws AttemptFailure {
        if (status == 206 && offset > 0) {
            return offset;
        }
        if (status == 200 || status == 206) {
            return 0;
        }
        if (status == 404) {
            throw HubErrors.fileNotInRepo(ref.raw(), file, List.of());
        }
        if (status == 401 || status == 403) {
            throw HubErrors.accessDenied(ref.raw());
        }
        throw new AttemptFailure(AttemptFailure.Kind.HTTP, "http_" + status, "HTTP " + status + " from the hub");
    }

    private long copy(InputStream in, Path partial, long start, long total, Progress progress)
            throws IOException, DiskFullException {
        StandardOpenOption mode = start > 0 ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
        long done = start;
        long begun = System.nanoTime();
        long writeNanos = 0;
        boolean warned = false;
        try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                mode)) {
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                long before = System.nanoTime();
                write(out, buffer, n);
                writeNanos += System.nanoTime() - before;
                done += n;
                progress.bytes(done, total);
                double writeMbps = (done - start) / 1e6 / (writeNanos / 1e9);
                if (!warned && writeNanos >= 1_000_000_000L && writeMbps < SLOW_DISK_MBPS) {
                    warned = true;
                    progress.slowDisk(writeMbps);
                }
                pace(done - start, begun);
            }
        }
        if (total > 0 && done < total) {
            throw new SocketException("Connection closed after " + done + " of " + total + " bytes");
        }
        return done;
    }

    private void write(OutputStream out, byte[] buffer, int n) throws DiskFullException {
        try {
            out.write(buffer, 0, n);
            if (writeDelayMs > 0) {
                Thread.sleep(writeDelayMs);
            }
        } catch (IOException e) {
            if (DiskFullException.isNoSpace(e)) {
                throw new DiskFullException(e);
            }
            throw new UncheckedIOException("Cannot write the partial file", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new java.io.InterruptedIOException("download interrupted"));
        }
    }

    /** Keeps the transfer at or under {@code download.max_bytes_per_sec} (S156); 0 means no limit. */
    private void pace(long sent, long begun) {
        if (maxBytesPerSec <= 0) {
            return;
        }
        long due = begun + sent * 1_000_000_000L / maxBytesPerSec;
        long wait = due - System.nanoTime();
        if (wait > 0) {
            try {
                java.util.concurrent.TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UncheckedIOException(new java.io.InterruptedIOException("download interrupted"));
            }
        }
    }

    /** The JDK says "Connection reset"; users know the kernel's wording. */
    static String describe(IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.equals("Connection reset") ? "Connection reset by peer" : message;
    }
}
