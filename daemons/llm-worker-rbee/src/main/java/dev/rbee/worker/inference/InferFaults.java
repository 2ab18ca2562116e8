package dev.rbee.worker.inference;

import dev.rbee.daemon.TestFaults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inference fault hook of test mode (scenarios.md, test kit): {@code worker.infer.crash_before_first_token} makes
 * the worker die right after it accepted a job and sent {@code started}, before any token, as a crash during prompt
 * processing would. A bare entry hits every worker; {@code =<backend>:<device>} (e.g. {@code cuda:0}) only the worker
 * on that device, because all workers of a hive share its environment and S159 needs one healthy worker beside it.
 */
final class InferFaults {
    static final String CRASH_BEFORE_FIRST_TOKEN = "worker.infer.crash_before_first_token";
    private static final Logger LOG = LoggerFactory.getLogger(InferFaults.class);

    private final boolean crashBeforeFirstToken;

    InferFaults(TestFaults faults, String backend, int device) {
        this.crashBeforeFirstToken = faults.value(CRASH_BEFORE_FIRST_TOKEN)
                .map(scope -> appliesTo(scope, backend, device)).orElse(false);
    }

    /** Whether a fault scoped as {@code scope} ("" or {@code backend:device}) hits the worker on that device. */
    static boolean appliesTo(String scope, String backend, int device) {
        return scope.isBlank() || scope.trim().equals(backend + ":" + device);
    }

    /** Called once {@code started} is on the wire: the process ends without closing the stream properly. */
    void beforeFirstToken(String jobId) {
        if (crashBeforeFirstToken) {
            LOG.warn("TEST FAULT {}: job {} accepted, the worker dies before the first token",
                    CRASH_BEFORE_FIRST_TOKEN, jobId);
            Runtime.getRuntime().halt(1);
        }
    }
}
