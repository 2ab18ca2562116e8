package dev.rbee.contract.queen;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code POST /v2/nodes/{name}/install} body; the fingerprint is given after a HOST_KEY_UNKNOWN answer. */
public record InstallRequest(@JsonInclude(JsonInclude.Include.NON_NULL) String acceptHostKey) {

    public static InstallRequest none() {
        return new InstallRequest(null);
    }
}
