package dev.rbee.engine.cuda;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CUDA part of {@code RBEE_FAKE_DEVICES} (scenarios S038, S062-S066), which lets tests and demos on machines
 * without a GPU run every CUDA code path: {@code cuda:0=24GiB/20GiB,cuda:1=8GiB/40MiB} gives two devices with total
 * and free memory, {@code none} gives no driver. Entries of other backends ({@code metal:0=...}) are left to their
 * own parsers. Each entry may carry {@code ;temp=<°C>}, {@code ;block=<largest free block>} and
 * {@code ;fail=<message>} (see {@link FakeDevice}); a failing device still counts as present, because the failure is
 * what a worker meets when it initialises the device.
 */
public final class FakeCudaDevices {
    private static final Pattern ENTRY = Pattern.compile("(cuda|metal):(\\d+)=([^/;]+)/([^;]+)((?:;[^;]*)*)");
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMGT]i?B|B)",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, Long> UNITS = Map.of(
            "B", 1L, "KB", 1000L, "MB", 1000_000L, "GB", 1000_000_000L, "TB", 1000_000_000_000L,
            "KIB", 1L << 10, "MIB", 1L << 20, "GIB", 1L << 30, "TIB", 1L << 40);

    private FakeCudaDevices() {
    }

    /** The inventory the variable describes; a malformed value is refused rather than half understood. */
    public static CudaInventory parse(String spec) {
        if (spec.strip().equalsIgnoreCase("none")) {
            return CudaInventory.unavailable(CudaInventory.NO_DRIVER, "RBEE_FAKE_DEVICES=none");
        }
        List<CudaDevice> devices = devices(spec).stream().filter(d -> d.backend().equals("cuda"))
                .map(FakeDevice::toCudaDevice).toList();
        if (devices.isEmpty()) {
            return CudaInventory.unavailable(CudaInventory.NO_DRIVER, "RBEE_FAKE_DEVICES lists no cuda device");
        }
        return CudaInventory.of(0, devices);
    }

    /** Every entry with its attributes; empty for {@code none}. */
    public static List<FakeDevice> devices(String spec) {
        String value = spec.strip();
        if (value.equalsIgnoreCase("none")) {
            return List.of();
        }
        if (value.isEmpty()) {
            throw new IllegalArgumentException("RBEE_FAKE_DEVICES is empty; use 'none' or cuda:<index>=<total>/<free>");
        }
        List<FakeDevice> devices = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String entry : value.split(",")) {
            Matcher m = ENTRY.matcher(entry.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("RBEE_FAKE_DEVICES entry '" + entry.strip()
                        + "' is not <backend>:<index>=<total>/<free>[;temp=<°C>][;block=<size>][;fail=<message>],"
                        + " e.g. cuda:0=24GiB/20GiB");
            }
            devices.add(device(m, seen));
        }
        return devices;
    }

    /** The startup failure {@code RBEE_FAKE_DEVICES} gives the device a worker was asked for, if any (S073). */
    public static Optional<String> failureFor(String spec, String backend, int index) {
        if (spec == null) {
            return Optional.empty();
        }
        return devices(spec).stream().filter(d -> d.backend().equals(backend) && d.index() == index)
                .findFirst().flatMap(FakeDevice::failureMessage);
    }

    private static FakeDevice device(Matcher m, Set<String> seen) {
        String backend = m.group(1);
        int index = Integer.parseInt(m.group(2));
        if (!seen.add(backend + ":" + index)) {
            throw new IllegalArgumentException("RBEE_FAKE_DEVICES lists " + backend + ":" + index + " twice");
        }
        long total = bytes(m.group(3));
        long free = bytes(m.group(4));
        if (free > total) {
            throw new IllegalArgumentException("RBEE_FAKE_DEVICES: " + backend + ":" + index
                    + " has more free than total memory");
        }
        Integer temp = null;
        Long block = null;
        String fail = null;
        for (String attribute : m.group(5).split(";")) {
            if (attribute.isBlank()) {
                continue;
            }
            int eq = attribute.indexOf('=');
            String key = eq < 0 ? attribute.strip() : attribute.substring(0, eq).strip();
            String val = eq < 0 ? "" : attribute.substring(eq + 1).strip();
            switch (key) {
                case "temp" -> temp = temperature(val);
                case "block" -> block = bytes(val);
                case "fail" -> fail = val.isEmpty() ? "device failed" : val;
                default -> throw new IllegalArgumentException("RBEE_FAKE_DEVICES: unknown attribute '" + key
                        + "' (known: temp, block, fail)");
            }
        }
        return new FakeDevice(backend, index, total, free, temp, block, fail);
    }

    private static int temperature(String text) {
        try {
            return Integer.parseInt(text.replace("°C", "").replace("C", "").strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("RBEE_FAKE_DEVICES: temp '" + text + "' is not whole degrees Celsius");
        }
    }

    /** {@code 24GiB} (binary) or {@code 55MB} (decimal), as the scenarios write them. */
    public static long bytes(String text) {
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
