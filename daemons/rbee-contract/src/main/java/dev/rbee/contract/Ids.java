package dev.rbee.contract;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Id formats of api.md §1 and a generator for them. An instance, not static methods, so tests can pass a seeded
 * generator and production code shares one {@link SecureRandom} it created.
 */
public final class Ids {
    public static final Pattern JOB_ID = Pattern.compile("job-[0-9a-f]{6}");
    public static final Pattern WORKER_ID = Pattern.compile("worker-[0-9a-f]{4}");
    public static final Pattern DOWNLOAD_ID = Pattern.compile("dl-[0-9a-f]{6}");
    public static final Pattern NODE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    /** What a worker accepts as {@code job_id} (api.md §7.2): wider than queen's own ids. */
    public static final Pattern CLIENT_JOB_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    public static final Pattern SSH_USER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,31}");

    private static final HexFormat HEX = HexFormat.of();

    private final RandomGenerator random;

    public Ids() {
        this(new SecureRandom());
    }

    public Ids(RandomGenerator random) {
        this.random = random;
    }

    public String newJobId() {
        return "job-" + hex(3);
    }

    public String newWorkerId() {
        return "worker-" + hex(2);
    }

    public String newDownloadId() {
        return "dl-" + hex(3);
    }

    /** For requests that arrive without {@code X-Correlation-Id}; tasks use their job id instead. */
    public String newCorrelationId() {
        return "req-" + hex(4);
    }

    private String hex(int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return HEX.formatHex(buffer);
    }

    public static boolean isNodeName(String name) {
        return name != null && NODE_NAME.matcher(name).matches();
    }
}
