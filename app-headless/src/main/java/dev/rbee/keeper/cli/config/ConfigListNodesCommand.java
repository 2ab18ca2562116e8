package dev.rbee.keeper.cli.config;

import dev.rbee.contract.queen.Node;
import dev.rbee.contract.queen.NodesList;
import dev.rbee.keeper.cli.CliContext;
import dev.rbee.keeper.cli.GlobalOptions;
import dev.rbee.keeper.cli.KeeperCli;
import dev.rbee.keeper.cli.KeeperCommand;
import dev.rbee.keeper.cli.TextTable;
import dev.rbee.keeper.cli.setup.NodeCalls;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code config list-nodes}: the nodes' SSH settings, the same rows as {@code setup list-nodes} (cli.md §7). */
@Command(name = "list-nodes", description = "List the SSH settings of the nodes queen-rbee knows.")
public final class ConfigListNodesCommand implements KeeperCommand {
    @Mixin
    GlobalOptions globals;

    @Override
    public int execute(CliContext context) {
        NodesList listed = NodeCalls.list(context);
        context.print(listed, () -> table(listed.nodes()).forEach(context.console()::result));
        return KeeperCli.OK;
    }

    static List<String> table(List<Node> nodes) {
        TextTable table = new TextTable("NODE", "USER@HOST:PORT", "KEY", "INSTALL PATH");
        for (Node n : nodes) {
            boolean local = Node.LOCALHOST.equals(n.nodeName());
            table.row(n.nodeName(), local ? "(local)" : n.sshUser() + "@" + n.sshHost() + ":" + n.sshPort(),
                    local ? "-" : n.sshKeyPath() == null ? "(agent/default)" : n.sshKeyPath(),
                    String.valueOf(n.installPath()));
        }
        return table.lines();
    }
}
