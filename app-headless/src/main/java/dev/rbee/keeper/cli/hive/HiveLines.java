package dev.rbee.keeper.cli.hive;

import dev.rbee.contract.hive.Backend;
import dev.rbee.contract.hive.Device;
import dev.rbee.contract.queen.HiveStatus;
import dev.rbee.keeper.cli.infer.Formats;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** How a hive's status reads on a terminal (cli.md §8). */
final class HiveLines {
    private HiveLines() {
    }

    /** {@code rbee-hive 0.1.0 is running on localhost at http://127.0.0.1:9200 (local process)}. */
    static String running(HiveStatus status) {
        String where = "localhost".equals(status.node()) ? " (local process)" : "";
        return "rbee-hive " + status.version() + " is running on " + status.node() + " at " + status.url() + where;
    }

    /** One line per backend, then the worker count. */
    static List<String> details(HiveStatus status) {
        List<String> lines = new ArrayList<>();
        for (Backend backend : status.backends() == null ? List.<Backend>of() : status.backends()) {
            lines.add("  " + backend.name() + ": " + backendText(backend));
        }
        lines.add("  workers: " + status.workers());
        return lines;
    }

    private static String backendText(Backend backend) {
        if (!backend.available()) {
            return "not available" + (backend.reason() == null ? "" : " (" + backend.reason() + ")");
        }
        if (backend.devices() == null || backend.devices().isEmpty() || "cpu".equals(backend.name())) {
            return "available";
        }
        return backend.devices().stream().map(HiveLines::device).collect(Collectors.joining(", "));
    }

    private static String device(Device d) {
        return d.index() + " " + d.name() + " " + Formats.gib(d.vramTotalBytes()) + " (" + Formats.gib(d.vramFreeBytes())
                + " free)";
    }
}
