package dev.rbee.desktop.nodes;

/** One GPU of a node: its VRAM in use out of its total; {@code totalBytes} 0 when the hive has not reported it. */
public record DeviceBar(String label, long usedBytes, long totalBytes) {
    /** 0..1 for a ProgressBar; 0 when the total is unknown. */
    public double fraction() {
        return totalBytes > 0 ? (double) usedBytes / totalBytes : 0;
    }
}
