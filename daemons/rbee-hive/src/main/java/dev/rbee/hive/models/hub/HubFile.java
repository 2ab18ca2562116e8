package dev.rbee.hive.models.hub;

/** One file of a hub repo listing; {@code sizeBytes} is -1 and {@code sha256} null when the hub does not say. */
public record HubFile(String name, long sizeBytes, String sha256) {

    public boolean isGguf() {
        return name.toLowerCase().endsWith(".gguf");
    }
}
