package dev.rbee.desktop.nodes;

import dev.rbee.contract.hive.Backend;
import dev.rbee.contract.hive.Device;
import dev.rbee.contract.queen.HiveStatus;
import dev.rbee.contract.queen.Node;
import dev.rbee.keeper.cli.infer.Formats;
import dev.rbee.keeper.nodes.NodeDetails;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a registry row and its hive status into a table row. The hive's live report (backends with devices, free
 * RAM, version, last heartbeat) wins over what the registry stored at the last hive start.
 */
final class NodeRows {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private NodeRows() {
    }

    static NodeRow of(NodeDetails details, ZoneId zone) {
        Node node = details.node();
        HiveStatus hive = details.hive();
        boolean local = Node.LOCALHOST.equals(node.nodeName());
        return new NodeRow(node.nodeName(), local ? "(local)" : node.sshUser() + "@" + node.sshHost() + ":"
                + node.sshPort(), status(node, hive), backends(node, hive), devices(node, hive), ram(hive),
                version(node, hive), lastContact(node, hive, zone));
    }

    static String status(Node node, HiveStatus hive) {
        return node.status() + " · hive " + (hive == null ? "unknown" : hive.state());
    }

    /** The hive's available backends; else those stored in the registry; {@code -} before any report. */
    static String backends(Node node, HiveStatus hive) {
        if (hive != null && hive.backends() != null && !hive.backends().isEmpty()) {
            return String.join(", ", hive.backends().stream().filter(Backend::available).map(Backend::name).toList());
        }
        return node.backends() == null || node.backends().isEmpty() ? "-" : String.join(", ", node.backends());
    }

    /** A bar per GPU (not the CPU): VRAM used of total when the hive reports it, else the stored device count. */
    static List<DeviceBar> devices(Node node, HiveStatus hive) {
        List<DeviceBar> bars = new ArrayList<>();
        if (hive != null && hive.backends() != null) {
            for (Backend backend : hive.backends()) {
                if ("cpu".equals(backend.name()) || backend.devices() == null) {
                    continue;
                }
                for (Device d : backend.devices()) {
                    bars.add(new DeviceBar(backend.name() + ":" + d.index() + " " + d.name(),
                            d.vramTotalBytes() - d.vramFreeBytes(), d.vramTotalBytes()));
                }
            }
            if (!bars.isEmpty()) {
                return bars;
            }
        }
        Map<String, Integer> stored = node.devices() == null ? Map.of() : node.devices();
        stored.forEach((backend, count) -> {
            if (!"cpu".equals(backend)) {
                for (int i = 0; i < count; i++) {
                    bars.add(new DeviceBar(backend + ":" + i, 0, 0));
                }
            }
        });
        return bars;
    }

    static String ram(HiveStatus hive) {
        return hive == null || hive.resources() == null ? "-"
                : Formats.bytes(hive.resources().ramAvailableBytes()) + " free";
    }

    static String version(Node node, HiveStatus hive) {
        if (hive != null && hive.version() != null) {
            return hive.version();
        }
        return node.installedVersion() == null ? "-" : node.installedVersion();
    }

    /** The hive's last heartbeat, else the last successful SSH connection; {@code never} for a node never reached. */
    static String lastContact(Node node, HiveStatus hive, ZoneId zone) {
        if (hive != null && hive.lastHeartbeatAt() != null) {
            try {
                return WHEN.format(Instant.parse(hive.lastHeartbeatAt()).atZone(zone));
            } catch (DateTimeParseException e) {
                return hive.lastHeartbeatAt();
            }
        }
        if (Node.LOCALHOST.equals(node.nodeName())) {
            return "-";
        }
        return node.lastConnectedUnix() == null ? "never"
                : WHEN.format(Instant.ofEpochSecond(node.lastConnectedUnix()).atZone(zone));
    }
}
