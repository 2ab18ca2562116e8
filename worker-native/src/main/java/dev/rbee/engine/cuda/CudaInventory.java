package dev.rbee.engine.cuda;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What the CUDA probe found: the backend entry {@code cuda} of {@code GET /v1/backends/list}.
 *
 * @param available     true when the driver loaded and at least one device answered
 * @param reason        why not, in the words the API shows ({@code CUDA driver not found}); empty when available
 * @param detail        the underlying error for logs (the missing library, the failed call); empty when none
 * @param driverVersion the driver's CUDA version as the driver encodes it (12040 for 12.4); 0 when unknown
 * @param devices       every device the driver listed, usable or not, by index
 */
public record CudaInventory(boolean available, String reason, String detail, int driverVersion,
                            List<CudaDevice> devices) {
    /** The reason the API gives when there is no driver (scenario S066). */
    public static final String NO_DRIVER = "CUDA driver not found";

    public CudaInventory {
        devices = devices.stream().sorted(Comparator.comparingInt(CudaDevice::index)).toList();
    }

    public static CudaInventory unavailable(String reason, String detail) {
        return new CudaInventory(false, reason, detail, 0, List.of());
    }

    /** Devices the driver listed; available only when one of them is usable. */
    public static CudaInventory of(int driverVersion, List<CudaDevice> devices) {
        List<CudaDevice> failed = devices.stream().filter(d -> !d.usable()).toList();
        if (devices.isEmpty()) {
            return new CudaInventory(false, "no CUDA device found", "", driverVersion, devices);
        }
        if (failed.size() == devices.size()) {
            return new CudaInventory(false, "no usable CUDA device", failed.getFirst().describe(), driverVersion,
                    devices);
        }
        return new CudaInventory(true, "", "", driverVersion, devices);
    }

    public List<CudaDevice> usableDevices() {
        return devices.stream().filter(CudaDevice::usable).toList();
    }

    public Optional<CudaDevice> device(int index) {
        return devices.stream().filter(d -> d.index() == index).findFirst();
    }

    /** The default device of a GPU spawn without {@code --device} (api.md §6.2): the one with most free memory. */
    public Optional<CudaDevice> deviceWithMostFreeMemory() {
        return usableDevices().stream().max(Comparator.comparingLong(CudaDevice::freeBytes)
                .thenComparing(Comparator.comparingInt(CudaDevice::index).reversed()));
    }

    /** {@code 12.4} for 12040; empty when unknown. */
    public String driverVersionText() {
        return driverVersion <= 0 ? "" : (driverVersion / 1000) + "." + (driverVersion % 1000 / 10);
    }

    CudaInventory mapDevices(UnaryOperator<CudaDevice> change) {
        return of(driverVersion, devices.stream().map(change).toList());
    }

    /** Several lines for logs: the verdict, then one line per device. */
    public String describe() {
        if (!available) {
            return "cuda: not available (" + reason + (detail.isEmpty() ? "" : ": " + detail) + ")";
        }
        StringBuilder text = new StringBuilder("cuda: driver " + driverVersionText() + ", " + devices.size()
                + (devices.size() == 1 ? " device" : " devices"));
        devices.forEach(d -> text.append(System.lineSeparator()).append("  ").append(d.describe()));
        return text.toString();
    }
}
