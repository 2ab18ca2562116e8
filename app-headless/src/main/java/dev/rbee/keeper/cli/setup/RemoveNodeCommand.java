package dev.rbee.keeper.cli.setup;

import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.queen.RemoveNodeResponse;
import dev.rbee.keeper.cli.CliContext;
import dev.rbee.keeper.cli.GlobalOptions;
import dev.rbee.keeper.cli.KeeperCli;
import dev.rbee.keeper.cli.KeeperCommand;
import dev.rbee.keeper.queen.QueenSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code setup remove-node}: queen stops the node's hive if it runs, then deletes the row (cli.md §6). */
@Command(name = "remove-node", description = "Remove a node from the registry (its known_hosts entry stays).")
public final class RemoveNodeCommand implements KeeperCommand {
    @Mixin
    GlobalOptions globals;
    @Option(names = {"--name", "--node"}, paramLabel = "<name>", required = true, description = "Node name")
    String name;

    @Override
    public int execute(CliContext context) {
        RemoveNodeResponse removed;
        try (QueenSession session = NodeCalls.open(context)) {
            removed = session.client(NodeCalls.TIMEOUT).removeNode(name);
        } catch (RbeeException e) {
            return NodeCalls.fail(context, e, name);
        }
        if (context.json()) {
            context.console().result(context.env().json().write(removed));
        } else {
            context.console().result("✅ Node '" + removed.nodeName() + "' removed from registry"
                    + (removed.hiveStopped() ? " (its rbee-hive was stopped)" : ""));
        }
        return KeeperCli.OK;
    }
}
