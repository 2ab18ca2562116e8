package dev.rbee.engine.cuda;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CUDA part of {@code RBEE_FAKE_DEVICES} (scenarios S038, S062-S066), which lets tests and demos on machines
 * without a GPU run every CUDA code path: {@code cuda:0=24GiB/20GiB,cuda:1=8GiB/40MiB} gives two devices with total
 * and free memory, {@code none} gives no driver. Entries of other backends ({@code metal:0=...}) are left to their
 * own parsers.
 */
public final class FakeCudaDevices {
    private static final Pattern ENTRY = Pattern.compile("(cuda|metal):(\\d+)=([^/]+)/(.+)");
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMGT]i?B|B)",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, Long> UNITS = Map.of(
            "B", 1L, "KB", 1000L, "MB", 1000_000L, "GB", 1000_000_000L, "TB", 1000_000_000_000L,
            "KIB", 1L << 10, "MIB", 1L << 20, "GIB", 1L << 30, "TIB", 1L << 40);

    private FakeCudaDevices() {
    }

    /** The inventory the variable describes; a malformed value is refused rather than half understood. */
    public static CudaInventory parse(String spec) {
        String value = spec.strip();
        if (value.equalsIgnoreCase("none")) {
            return CudaInventory.unavailable(CudaInventory.NO_DRIVER, "RBEE_FAKE_DEVICES=none");
        }
        if (value.isEmpty()) {
            throw new IllegalArgumentException("RBEE_FAKE_DEVICES is empty; use 'none' or cuda:<index>=<total>/<free>");
        }
        List<CudaDevice> devices = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (String entry : value.split(",")) {
            Matcher m = ENTRY.matcher(entry.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("RBEE_FAKE_DEVICES entry '" + entry.strip()
                        + "' is not <backend>:<index>=<total>/<free>, e.g. cuda:0=24GiB/20GiB");
            }
            if (m.group(1).equals("cuda")) {
                devices.add(device(m, seen));
            }
        }
        if (devices.isEmpty()) {
            return CudaInventory.unavailable(CudaInventory.NO_DRIVER, "RBEE_FAKE_DEVICES lists no cuda device");
        }
        return CudaInventory.of(0, devices);
    }

    private static CudaDevice device(Matcher m, Set<Integer> seen) {
        int index = Integer.parseInt(m.group(2));
        if (!seen.add(index)) {
            throw new IllegalArgumentException("RBEE_FAKE_DEVICES lists cuda:" + index + " twice");
        }
        long total = bytes(m.group(3));
        long free = bytes(m.group(4));
        if (free > total) {
            throw new IllegalArgumentException("RBEE_FAKE_DEVICES: cuda:" + index + " has more free than total memory");
        }
        return new CudaDevice(index, "Simulated CUDA device " + index, 0, 0, total, free, null);
    }

    /** {@code 24GiB} (binary) or {@code 55MB} (decimal), as the scenarios write them. */
    static long bytes(String text) {
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text.strip() + "' is not a size such as 24GiB, 40MiB or 55MB");
        }
        long unit = UNITS.get(m.group(2).toUpperCase(Locale.ROOT));
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit))
                .setScale(0, RoundingMode.HALF_UP);
        if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("'" + text.strip() + "' is too large");
        }
        return bytes.longValue();
    }
}
