package dev.rbee.daemon;

import dev.rbee.contract.json.Json;

/** Which daemon is answering: its component name goes into every error envelope it decides. */
public record DaemonIdentity(String component, String version, Json json) {
}
