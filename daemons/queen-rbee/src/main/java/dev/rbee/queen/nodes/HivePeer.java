package dev.rbee.queen.nodes;

import dev.rbee.contract.Version;
import dev.rbee.contract.client.Endpoint;
import dev.rbee.contract.client.HiveClient;
import dev.rbee.contract.client.HttpJson;
import dev.rbee.contract.client.Retry;
import dev.rbee.contract.client.UnreachableException;
import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.hive.HiveHealth;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.json.JsonDecodeException;
import dev.rbee.contract.queen.AddNodeRequest;
import dev.rbee.contract.queen.Node;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hive at a registered node's address, {@code http://<ssh_host>:<hive_port>} (api.md §5.3), asked before queen
 * uses it: {@code /v1/health} with 3 attempts (S033), the version rule of api.md §1 (S035) and the hive's worker
 * list (S034). A refused connection means no hive listens there; the caller then looks for it over SSH.
 */
public final class HivePeer {
    private static final Logger LOG = LoggerFactory.getLogger(HivePeer.class);
    /** api.md §11: queen → hive connect 5 s, whole request 10 s; a spawn may take 35 s. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    static final Duration SPAWN_TIMEOUT = Duration.ofSeconds(35);

    private final String node;
    private final String url;
    private final String secret;
    private final Json json;

    public HivePeer(Node node, String secret, Json json) {
        this.node = node.nodeName();
        int port = node.hivePort() == null ? AddNodeRequest.DEFAULT_HIVE_PORT : node.hivePort();
        this.url = "http://" + node.sshHost() + ":" + port;
        this.secret = secret;
        this.json = json;
    }

    public String url() {
        return url;
    }

    /**
     * A client for the hive when one answers at the node's address, after the version check and a look at its
     * workers; empty when nothing listens there.
     */
    public Optional<HiveClient> connect(Consumer<String> narrate) {
        HiveClient probe = client(REQUEST_TIMEOUT);
        HiveHealth health;
        try {
            health = answerOf(() -> retry(narrate).call(probe::health));
        } catch (UnreachableException e) {
            if (e.kind() == UnreachableException.Kind.REFUSED || e.kind() == UnreachableException.Kind.UNKNOWN_HOST) {
                LOG.info("No rbee-hive answers at {} for {} ({})", url, node, e.kind());
                return Optional.empty();
            }
            throw cannotConnect(ErrorCode.HIVE_UNREACHABLE, e);
        } catch (RbeeException e) {
            throw e.is(ErrorCode.REQUEST_TIMEOUT) ? cannotConnect(ErrorCode.CONNECTION_TIMEOUT, e) : e;
        }
        if (health == null || health.version() == null) {
            throw invalidAnswer("GET /v1/health has no version", Map.of());
        }
        checkVersion(health.version());
        HiveClient hive = client(SPAWN_TIMEOUT);
        answerOf(hive::workersList);
        return Optional.of(hive);
    }

    /**
     * Health is safe to resend: a timeout, a reset or a connect timeout is tried again; a refusal ends the probe.
     * S033 spells out the waits, 200 ms and 400 ms (api.md §10's row says 100/200 ms for other hive calls).
     */
    private Retry retry(Consumer<String> narrate) {
        return Retry.withDelays(Retry.SSH_DELAYS)
                .retryingOn(e -> e instanceof UnreachableException u
                        ? u.kind() == UnreachableException.Kind.RESET
                        || u.kind() == UnreachableException.Kind.CONNECT_TIMEOUT
                        : e instanceof RbeeException r && r.is(ErrorCode.REQUEST_TIMEOUT))
                .onFailedAttempt((attempt, again) -> {
                    LOG.warn("rbee-hive on {} at {}: attempt {}/3 failed: {}", node, url, attempt.number(),
                            attempt.error().getMessage());
                    if (again) {
                        long delay = Retry.SSH_DELAYS.get(attempt.number() - 1).toMillis();
                        narrate.accept("⏳ Attempt " + (attempt.number() + 1) + "/3: connecting to rbee-hive on "
                                + node + " (delay " + delay + "ms)");
                    }
                });
    }

    /** api.md §1: equal major.minor; a patch difference is only worth a warning. */
    void checkVersion(String hiveVersion) {
        if (!Version.compatibleWithCurrent(hiveVersion)) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("node", node);
            details.put("hive_version", String.valueOf(hiveVersion));
            details.put("queen_version", Version.CURRENT);
            throw RbeeException.of(ErrorCode.VERSION_MISMATCH, "rbee-hive on " + node + " is " + hiveVersion
                    + " but queen-rbee is " + Version.CURRENT, details);
        }
        if (!Version.CURRENT.equals(hiveVersion)) {
            LOG.warn("⚠️ rbee-hive on {} is {}, queen-rbee is {}; only the patch version differs, so it is used",
                    node, hiveVersion, Version.CURRENT);
        }
    }

    /**
     * An answer that is not the contract's JSON is the hive's fault: INTERNAL_ERROR naming the hive, as S034 says
     * (api.md §9 calls it INVALID_RESPONSE; its details {@code from, node, parse_error, position} are kept).
     */
    private <T> T answerOf(Supplier<T> call) {
        try {
            return call.get();
        } catch (RbeeException e) {
            if (!e.is(ErrorCode.INVALID_RESPONSE)) {
                throw e;
            }
            String problem = e.getCause() instanceof JsonDecodeException bad ? bad.describe()
                    : String.valueOf(e.details().getOrDefault("parse_error", e.getMessage()));
            Map<String, Object> more = new LinkedHashMap<>();
            more.put("from", String.valueOf(e.details().get("from")));
            if (e.details().get("position") != null) {
                more.put("position", e.details().get("position"));
            }
            throw invalidAnswer(problem, more);
        }
    }

    private RbeeException invalidAnswer(String problem, Map<String, Object> more) {
        Map<String, Object> details = new LinkedHashMap<>(more);
        details.put("parse_error", problem);
        return RbeeException.of(ErrorCode.INTERNAL_ERROR, "Invalid response from rbee-hive on " + node + ": "
                + problem, hiveDetails(details));
    }

    private RbeeException cannotConnect(ErrorCode code, RuntimeException last) {
        return RbeeException.of(code, "Cannot connect to rbee-hive on " + node + " at " + url + " after 3 attempts",
                hiveDetails(Map.of("attempts", 3, "last_error", String.valueOf(last.getMessage()))), last);
    }

    /** {@code target:"hive"} tells keeper to point at the hive, not at SSH or queen's own log. */
    private Map<String, Object> hiveDetails(Map<String, Object> more) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("node", node);
        details.put("target", "hive");
        details.put("url", url);
        details.putAll(more);
        return details;
    }

    private HiveClient client(Duration requestTimeout) {
        return new HiveClient(new HttpJson(Endpoint.of(url, secret, CONNECT_TIMEOUT, requestTimeout), json));
    }
}
