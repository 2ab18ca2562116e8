package dev.rbee.hive.models;

import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.hive.preflight.PreflightOverrides;
import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/** The check before a download: free disk must hold the bytes still missing (507 INSUFFICIENT_DISK). */
public final class DiskSpace {
    private final String nodeName;
    private final LongSupplier available;

    public DiskSpace(String nodeName, LongSupplier available) {
        this.nodeName = nodeName;
        this.available = available;
    }

    /**
     * Usable space of the file system that holds {@code dir} (its nearest existing ancestor), unless the test-mode
     * {@code preflight.disk_available_override} says otherwise (S067, S068).
     */
    public static DiskSpace of(String nodeName, Path dir, PreflightOverrides overrides) {
        return new DiskSpace(nodeName, () -> overrides.diskAvailable().orElseGet(() -> existing(dir).getUsableSpace()));
    }

    public void require(long neededBytes, Path dir) {
        long have = available.getAsLong();
        if (neededBytes <= 0 || neededBytes <= have) {
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("required_bytes", neededBytes);
        details.put("available_bytes", have);
        details.put("path", dir.toString());
        throw RbeeException.of(ErrorCode.INSUFFICIENT_DISK, "Not enough disk space on " + nodeName + ": need "
                + mb(neededBytes) + ", have " + mb(have), details);
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    private static File existing(Path dir) {
        Path p = dir.toAbsolutePath();
        while (p != null && !p.toFile().exists()) {
            p = p.getParent();
        }
        return p == null ? new File("/") : p.toFile();
    }
}
