package dev.rbee.hive.preflight;

import java.util.Locale;

/** Byte counts as the hive's messages write them (cli.md §10.3, scenarios S059-S064, S151, S155). */
public final class Sizes {
    private Sizes() {
    }

    /** Decimal units, as RAM and VRAM needs are quoted: {@code 60.0 MB}, {@code 6.0 GB}. */
    public static String decimal(long bytes) {
        if (bytes >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    /** Binary units, as device memory is quoted: {@code 20.0 GiB free}, {@code 40.0 MiB}. */
    public static String binary(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
    }

    /** What a model of this size needs in RAM or VRAM: {@code ceil(size × 1.2)} (api.md §6.2, S057). */
    public static long required(long modelBytes) {
        return (modelBytes * 6 + 4) / 5;
    }
}
