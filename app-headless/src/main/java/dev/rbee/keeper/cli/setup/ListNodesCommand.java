package dev.rbee.keeper.cli.setup;

import dev.rbee.contract.queen.Node;
import dev.rbee.contract.queen.NodesList;
import dev.rbee.keeper.cli.CliContext;
import dev.rbee.keeper.cli.GlobalOptions;
import dev.rbee.keeper.cli.KeeperCli;
import dev.rbee.keeper.cli.KeeperCommand;
import dev.rbee.keeper.cli.TextTable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code setup list-nodes}: the registry as a table, {@code localhost} first (cli.md §6). */
@Command(name = "list-nodes", description = "List the nodes queen-rbee knows.")
public final class ListNodesCommand implements KeeperCommand {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    @Mixin
    GlobalOptions globals;

    @Override
    public int execute(CliContext context) {
        NodesList listed = NodeCalls.list(context);
        if (context.json()) {
            context.console().result(context.env().json().write(listed));
            return KeeperCli.OK;
        }
        table(listed.nodes()).forEach(context.console()::result);
        if (listed.nodes().stream().allMatch(n -> Node.LOCALHOST.equals(n.nodeName()))) {
            context.console().note("💡 Add a machine: rbee-keeper setup add-node --name <name> --ssh-host <host> "
                    + "--ssh-user <user>");
        }
        return KeeperCli.OK;
    }

    static List<String> table(List<Node> nodes) {
        TextTable table = new TextTable("NODE", "SSH", "INSTALL PATH", "STATUS", "BACKENDS", "LAST CONNECTED");
        for (Node n : nodes) {
            boolean local = Node.LOCALHOST.equals(n.nodeName());
            table.row(n.nodeName(), local ? "(local)" : n.sshUser() + "@" + n.sshHost() + ":" + n.sshPort(),
                    String.valueOf(n.installPath()), String.valueOf(n.status()), backends(n.devices()),
                    local ? "-" : n.lastConnectedUnix() == null ? "never"
                            : WHEN.format(Instant.ofEpochSecond(n.lastConnectedUnix())));
        }
        return table.lines();
    }

    /** {@code {"cuda":2,"cpu":1}} → {@code cuda:0,cuda:1,cpu}; {@code -} before the hive has reported. */
    static String backends(Map<String, Integer> devices) {
        if (devices == null || devices.isEmpty()) {
            return "-";
        }
        List<String> names = new ArrayList<>();
        devices.forEach((backend, count) -> {
            if ("cpu".equals(backend)) {
                return;
            }
            for (int i = 0; i < count; i++) {
                names.add(backend + ":" + i);
            }
        });
        if (devices.containsKey("cpu")) {
            names.add("cpu");
        }
        return String.join(",", names);
    }
}
