package dev.rbee.keeper.cli.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rbee.contract.queen.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SetupFormatsTest {
    @Test
    void backendsListEveryDeviceThenCpu() {
        Map<String, Integer> devices = new LinkedHashMap<>();
        devices.put("cpu", 1);
        devices.put("cuda", 2);
        assertEquals("cuda:0,cuda:1,cpu", ListNodesCommand.backends(devices));
        assertEquals("-", ListNodesCommand.backends(Map.of()));
    }

    @Test
    void tableHasTheHeaderAndLocalhostShowsLocalAndDash() {
        Node local = new Node("localhost", null, null, null, null, "/opt/rbee", null, null, "reachable", null, null,
                List.of("cpu"), Map.of("cpu", 1), null, null, null);
        Node never = new Node("workstation", "workstation.home.arpa", 22, "ops", null, "/home/ops/rbee", 9200, null,
                "unknown", null, null, List.of(), Map.of(), null, null, null);
        List<String> lines = ListNodesCommand.table(List.of(local, never));
        assertEquals(List.of("NODE  SSH  INSTALL PATH  STATUS  BACKENDS  LAST CONNECTED".split("  ")),
                List.of(lines.get(0).split(" {2,}")));
        assertEquals(List.of("localhost", "(local)", "/opt/rbee", "reachable", "cpu", "-"),
                List.of(lines.get(1).split(" {2,}")));
        assertEquals(List.of("workstation", "ops@workstation.home.arpa:22", "/home/ops/rbee", "unknown", "-", "never"),
                List.of(lines.get(2).split(" {2,}")));
    }

    @Test
    void attemptLinesShowTheDelayFromTheSecondOn() {
        assertEquals("  ⏳ Attempt 1/3 failed: Connection timeout", NodeCalls.attemptLine(
                Map.of("attempt", 1, "error", "Connection timeout", "delay_ms", 0), 3));
        assertEquals("  ⏳ Attempt 2/3 failed: Connection timeout (delay 200ms)", NodeCalls.attemptLine(
                Map.of("attempt", 2, "error", "Connection timeout", "delay_ms", 200), 3));
    }

    @Test
    void keyTypesAreNamedAsOpenSshDoes() {
        assertEquals("ED25519", HostKeyPrompt.keyType("ssh-ed25519"));
        assertEquals("RSA", HostKeyPrompt.keyType("ssh-rsa"));
        assertEquals("ECDSA", HostKeyPrompt.keyType("ecdsa-sha2-nistp256"));
    }
}
