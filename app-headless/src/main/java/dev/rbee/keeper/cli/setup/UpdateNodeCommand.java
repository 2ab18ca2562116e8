package dev.rbee.keeper.cli.setup;

import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.queen.Node;
import dev.rbee.contract.queen.UpdateNodeRequest;
import dev.rbee.keeper.KeeperErrors;
import dev.rbee.keeper.cli.CliContext;
import dev.rbee.keeper.cli.GlobalOptions;
import dev.rbee.keeper.cli.KeeperCli;
import dev.rbee.keeper.cli.KeeperCommand;
import dev.rbee.keeper.queen.QueenSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code setup update-node}: changes a node's settings; queen re-tests SSH when an SSH field changes. */
@Command(name = "update-node", description = "Change a node's SSH settings or install path.")
public final class UpdateNodeCommand implements KeeperCommand {
    @Mixin
    GlobalOptions globals;
    @Option(names = {"--name", "--node"}, paramLabel = "<name>", required = true, description = "Node name")
    String name;
    @Mixin
    SshOptions ssh;

    @Override
    public int execute(CliContext context) {
        if (!ssh.anyGiven()) {
            throw KeeperErrors.usage("Nothing to update: give at least one of --ssh-host, --ssh-port, --ssh-user, "
                    + "--ssh-key, --install-path");
        }
        ssh.checkLocally(context.queenUrl(), context.env().env());
        Node node;
        try (QueenSession session = NodeCalls.open(context)) {
            announce(context, session);
            String key = ssh.keyPath(context.env().env());
            node = NodeCalls.sendAsking(context, ssh.acceptHostKey, accept -> session.client(NodeCalls.TIMEOUT)
                    .updateNode(new UpdateNodeRequest(name, ssh.sshHost, ssh.sshPort, ssh.sshUser, key,
                            ssh.installPath, null, null, accept)));
        } catch (RbeeException e) {
            return NodeCalls.fail(context, e, name);
        }
        if (context.json()) {
            context.console().result(context.env().json().write(node));
        } else {
            context.console().result("✅ Node '" + node.nodeName() + "' updated ("
                    + String.join(", ", node.changed() == null ? java.util.List.of() : node.changed()) + ")");
        }
        return KeeperCli.OK;
    }

    /** The "Testing SSH connection" line of add, with the stored values for the fields not given. */
    private void announce(CliContext context, QueenSession session) {
        if (context.json() || (ssh.sshHost == null && ssh.sshPort == null && ssh.sshUser == null && ssh.sshKey == null
                && ssh.installPath == null)) {
            return;
        }
        session.client().listNodes().nodes().stream().filter(n -> n.nodeName().equals(name)).findFirst()
                .ifPresent(stored -> context.console().note("[queen-rbee] 🔌 Testing SSH connection to "
                        + (ssh.sshHost == null ? stored.sshHost() : ssh.sshHost) + ":"
                        + (ssh.sshPort == null ? stored.sshPort() : ssh.sshPort) + " as "
                        + (ssh.sshUser == null ? stored.sshUser() : ssh.sshUser) + "..."));
    }
}
