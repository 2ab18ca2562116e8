package dev.rbee.desktop.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.contract.RbeeHome;
import dev.rbee.contract.hive.Backend;
import dev.rbee.contract.hive.Device;
import dev.rbee.contract.queen.HeartbeatResources;
import dev.rbee.contract.queen.HiveState;
import dev.rbee.contract.queen.HiveStatus;
import dev.rbee.contract.queen.Node;
import dev.rbee.contract.queen.NodeStatus;
import dev.rbee.keeper.nodes.NodeDetails;
import dev.rbee.keeper.queen.QueenSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The nodes view model without a toolkit or a queen: the form's checks and the rows built from node status. */
class NodesViewModelTest {
    private static final long GIB = 1L << 30;

    @TempDir
    Path home;

    /** Any call to queen fails the test: the checks must come first. */
    private final Supplier<QueenSession> noQueen = () -> {
        throw new AssertionError("queen was contacted");
    };

    private NodesViewModel viewModel() {
        return new NodesViewModel(noQueen, new RbeeHome(home), Map.of("HOME", home.toString(), "USER", "ops"),
                Runnable::run, Runnable::run, ZoneOffset.UTC);
    }

    @Test
    void anEmptyFormIsRefusedFieldByFieldWithoutContactingQueen() {
        NodesViewModel vm = viewModel();
        vm.portProperty().set("");

        assertFalse(vm.save());

        assertEquals("Enter a node name", vm.fieldErrorProperty(NodeForm.NAME).get());
        assertEquals("Enter the host name or IP address", vm.fieldErrorProperty(NodeForm.HOST).get());
        assertEquals("Enter the SSH user", vm.fieldErrorProperty(NodeForm.USER).get());
        assertEquals("", vm.fieldErrorProperty(NodeForm.PORT).get(), "an empty port means 22");
        assertEquals("", vm.fieldErrorProperty(NodeForm.KEY).get(), "no key means agent and default keys");
    }

    @Test
    void aPortOutsideTheRangeAndAMissingKeyAreRefused() {
        NodesViewModel vm = filled(viewModel());
        vm.portProperty().set("70000");
        vm.keyFileProperty().set("~/.ssh/missing_key");

        assertFalse(vm.save());

        assertEquals("The port must be a number between 1 and 65535", vm.fieldErrorProperty(NodeForm.PORT).get());
        assertEquals("SSH key not found: ~/.ssh/missing_key", vm.fieldErrorProperty(NodeForm.KEY).get());
        assertEquals("", vm.fieldErrorProperty(NodeForm.NAME).get());
        vm.portProperty().set("0");
        assertFalse(vm.save());
        vm.portProperty().set("ssh");
        assertFalse(vm.save());
        assertEquals("The port must be a number between 1 and 65535", vm.fieldErrorProperty(NodeForm.PORT).get());
    }

    @Test
    void aNodeNameMustBeOneQueenAccepts() {
        NodesViewModel vm = filled(viewModel());
        vm.nameProperty().set("Work Station");

        assertFalse(vm.save());

        assertTrue(vm.fieldErrorProperty(NodeForm.NAME).get().startsWith("Use a-z, 0-9 and '-'"));
    }

    @Test
    void aKeyThatExistsPassesTheCheck() throws Exception {
        Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(home.resolve(".ssh/id_ed25519"), "key");
        NodeForm form = new NodeForm("gpu-1", "10.0.0.5", "2222", "ops", home.resolve(".ssh/id_ed25519").toString(),
                "");

        assertEquals(Map.of(), form.problems(path -> Files.isReadable(Path.of(path))));
        assertEquals(2222, form.portNumber());
    }

    @Test
    void aRemoteNodeWithAReportingHiveShowsItsGpusRamAndVersion() {
        NodesViewModel vm = viewModel();
        Node node = node("gpu-1", NodeStatus.REACHABLE, 1_764_288_000L, "0.1.0", Map.of("cuda", 2, "cpu", 1));
        HiveStatus hive = new HiveStatus("gpu-1", true, HiveState.RUNNING, "http://10.0.0.5:9200", "0.1.0", 42L,
                "2026-11-28T00:00:05Z", List.of(
                new Backend("cuda", true, null, List.of(Device.real(0, "RTX 4090", 24 * GIB, 18 * GIB),
                        Device.real(1, "RTX 3090", 24 * GIB, 24 * GIB))),
                new Backend("metal", false, "not macOS", List.of()),
                new Backend("cpu", true, null, List.of(Device.real(0, "cpu", 0, 0)))),
                new HeartbeatResources(12_500_000_000L, 100_000_000_000L), 1, null);

        vm.show(List.of(new NodeDetails(node, hive)));

        NodeRow row = vm.rows().getFirst();
        assertEquals(new NodeRow("gpu-1", "ops@10.0.0.5:22", "reachable · hive running", "cuda, cpu",
                List.of(new DeviceBar("cuda:0 RTX 4090", 6 * GIB, 24 * GIB), new DeviceBar("cuda:1 RTX 3090", 0,
                        24 * GIB)), "12.5 GB free", "0.1.0", "2026-11-28 00:00:05"), row);
        assertEquals(0.25, row.devices().getFirst().fraction(), 1e-9);
    }

    @Test
    void aNodeWithoutAHiveShowsWhatTheRegistryStored() {
        NodesViewModel vm = viewModel();
        Node added = node("gpu-2", "reachable", 1_764_288_000L, null, Map.of("cuda", 1));
        Node never = node("gpu-3", "unknown", null, null, null);
        Node local = new Node(Node.LOCALHOST, null, null, null, null, "/opt/rbee", 9200, null, "reachable", null,
                null, List.of("cpu"), Map.of("cpu", 1), "0.1.0", null, null);

        vm.show(List.of(new NodeDetails(local, HiveStatus.stopped(Node.LOCALHOST)),
                new NodeDetails(added, HiveStatus.stopped("gpu-2")),
                new NodeDetails(never, new HiveStatus("gpu-3", false, HiveState.UNREACHABLE, null, null, null, null,
                        null, null, 0, null))));

        assertEquals(new NodeRow("localhost", "(local)", "reachable · hive stopped", "cpu", List.of(), "-", "0.1.0",
                "-"), vm.rows().get(0));
        assertEquals(new NodeRow("gpu-2", "ops@10.0.0.5:22", "reachable · hive stopped", "cuda",
                List.of(new DeviceBar("cuda:0", 0, 0)), "-", "-", "2025-11-28 00:00:00"), vm.rows().get(1));
        assertEquals("unknown · hive unreachable", vm.rows().get(2).status());
        assertEquals("never", vm.rows().get(2).lastContact());
    }

    @Test
    void editingFillsTheFormAndSendsNothingWhenNothingChanged() {
        NodesViewModel vm = viewModel();
        vm.show(List.of(new NodeDetails(node("gpu-1", "reachable", null, null, null), HiveStatus.stopped("gpu-1"))));

        vm.edit("gpu-1");

        assertEquals("gpu-1", vm.editingProperty().get());
        assertEquals("10.0.0.5", vm.hostProperty().get());
        assertEquals("22", vm.portProperty().get());
        assertEquals("~/rbee", vm.installPathProperty().get());
        assertTrue(vm.save());
        assertEquals("Nothing to update: no setting was changed", vm.statusProperty().get());
        vm.newNode();
        assertEquals(null, vm.editingProperty().get());
        assertEquals("", vm.hostProperty().get());
    }

    @Test
    void rejectingAHostKeyChangesNothingAndSaysSo() {
        NodesViewModel vm = viewModel();

        vm.rejectHostKey();

        assertEquals("❌ Host key not trusted; nothing was changed", vm.errorProperty().get());
        assertEquals(null, vm.hostKeyProperty().get());
    }

    private static NodesViewModel filled(NodesViewModel vm) {
        vm.nameProperty().set("gpu-1");
        vm.hostProperty().set("10.0.0.5");
        vm.userProperty().set("ops");
        return vm;
    }

    private static Node node(String name, String status, Long lastConnected, String version,
                             Map<String, Integer> devices) {
        return new Node(name, "10.0.0.5", 22, "ops", null, "~/rbee", 9200, null, status, lastConnected, null,
                devices == null ? null : List.copyOf(devices.keySet()), devices, version, "SHA256:abc", null);
    }
}
