package dev.rbee.desktop.nodes;

import java.util.List;

/** One line of the nodes table, already in the words and units shown. */
public record NodeRow(String name, String host, String status, String backends, List<DeviceBar> devices, String ram,
                      String hiveVersion, String lastContact) {
}
