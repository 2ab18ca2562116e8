package dev.rbee.keeper.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rbee.contract.queen.Node;
import dev.rbee.contract.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigListNodesCommandTest {
    private final Json json = new Json();

    @Test
    void theTableShowsUserHostPortKeyAndInstallPath() {
        Node local = json.read("{\"node_name\":\"localhost\",\"install_path\":\"/opt/rbee\",\"status\":\"reachable\"}",
                Node.class);
        Node keyed = json.read("{\"node_name\":\"workstation\",\"ssh_host\":\"ws.home.arpa\",\"ssh_port\":22,"
                + "\"ssh_user\":\"ops\",\"ssh_key_path\":\"/home/me/.ssh/id_ed25519\",\"install_path\":\"/home/ops/rbee\"}",
                Node.class);
        Node agent = json.read("{\"node_name\":\"lab\",\"ssh_host\":\"10.0.0.7\",\"ssh_port\":2222,"
                + "\"ssh_user\":\"me\",\"install_path\":\"/opt/rbee\"}", Node.class);
        assertEquals(List.of(
                "NODE         USER@HOST:PORT       KEY                       INSTALL PATH",
                "localhost    (local)              -                         /opt/rbee",
                "workstation  ops@ws.home.arpa:22  /home/me/.ssh/id_ed25519  /home/ops/rbee",
                "lab          me@10.0.0.7:2222     (agent/default)           /opt/rbee"),
                ConfigListNodesCommand.table(List.of(local, keyed, agent)));
    }
}
