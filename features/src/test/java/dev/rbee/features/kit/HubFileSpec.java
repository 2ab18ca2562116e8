package dev.rbee.features.kit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One file on the {@link HubServer} and how it misbehaves. Faults apply to the first {@code n} file requests
 * ({@code n} = {@link Integer#MAX_VALUE} for "every request"); later requests are served correctly.
 */
public final class HubFileSpec {
    record Attempt(long cutAt, long stallAt, boolean corrupt) {
    }

    final String name;
    final byte[] bytes;
    volatile boolean notFound;
    volatile long bytesPerSecond;
    private volatile long cutAt = -1;
    private volatile int cutTimes;
    private volatile long stallAt = -1;
    private volatile int stallTimes;
    private volatile int corruptTimes;
    private final AtomicInteger served = new AtomicInteger();
    private String sha256;

    HubFileSpec(String name, byte[] bytes) {
        this.name = name;
        this.bytes = bytes;
    }

    public byte[] bytes() {
        return bytes;
    }

    public HubFileSpec cutAt(long offset, int times) {
        cutAt = offset;
        cutTimes = times;
        return this;
    }

    public HubFileSpec stallAt(long offset, int times) {
        stallAt = offset;
        stallTimes = times;
        return this;
    }

    public HubFileSpec corrupt(int times) {
        corruptTimes = times;
        return this;
    }

    public HubFileSpec rate(long perSecond) {
        bytesPerSecond = perSecond;
        return this;
    }

    public HubFileSpec missing() {
        notFound = true;
        return this;
    }

    Attempt nextAttempt() {
        int n = served.incrementAndGet();
        return new Attempt(n <= cutTimes ? cutAt : -1, n <= stallTimes ? stallAt : -1, n <= corruptTimes);
    }

    byte[] corrupted() {
        byte[] copy = bytes.clone();
        for (int i = copy.length / 2; i < copy.length / 2 + 64; i++) {
            copy[i] ^= 0x5a;
        }
        return copy;
    }

    public synchronized String sha256() {
        if (sha256 == null) {
            try {
                sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return sha256;
    }
}
