package dev.rbee.contract.queen;

/** {@code POST /v2/registry/beehives/remove}. */
public record RemoveNodeRequest(String nodeName) {
}
