package dev.rbee.contract.hive;

/** {@code GET /v1/health} of a hive: {@code {"status":"alive","version","api_version","node"}}. */
public record HiveHealth(String status, String version, String apiVersion, String node) {
    public static final String ALIVE = "alive";
}
