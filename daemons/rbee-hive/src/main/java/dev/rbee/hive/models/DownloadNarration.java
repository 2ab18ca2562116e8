package dev.rbee.hive.models;

import java.util.Locale;

/** The texts of a download's narration (scenarios.md S160); sizes in decimal MB, as keeper prints them. */
final class DownloadNarration {
    private DownloadNarration() {
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    /** {@code ✅ Model downloaded to <path> (12.6 MB in 1.2 s)}; NarrationEvent shortens a deep path's middle. */
    static String downloaded(String path, long bytes, double seconds) {
        return "✅ Model downloaded to " + path + " (" + megabytes(bytes) + " in "
                + String.format(Locale.ROOT, "%.1f", seconds) + " s)";
    }
}
