package dev.rbee.keeper.cli.setup;

import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.queen.AddNodeRequest;
import dev.rbee.contract.queen.Node;
import dev.rbee.keeper.KeeperErrors;
import dev.rbee.keeper.cli.CliContext;
import dev.rbee.keeper.cli.GlobalOptions;
import dev.rbee.keeper.cli.KeeperCli;
import dev.rbee.keeper.cli.KeeperCommand;
import dev.rbee.keeper.queen.QueenSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code setup add-node}: tests SSH to a node and stores it in queen's registry (cli.md §6). */
@Command(name = "add-node", description = "Add a node: queen tests the SSH connection, then saves it.")
public final class AddNodeCommand implements KeeperCommand {
    @Mixin
    GlobalOptions globals;
    @Option(names = {"--name", "--node"}, paramLabel = "<name>", required = true,
            description = "Node name ([a-z0-9][a-z0-9-]{0,62})")
    String name;
    @Mixin
    SshOptions ssh;

    @Override
    public int execute(CliContext context) {
        if (ssh.sshHost == null || ssh.sshUser == null) {
            throw KeeperErrors.usage("Missing required option(s): " + (ssh.sshHost == null ? "'--ssh-host=<host>'" : "")
                    + (ssh.sshHost == null && ssh.sshUser == null ? ", " : "")
                    + (ssh.sshUser == null ? "'--ssh-user=<user>'" : ""));
        }
        ssh.checkLocally(context.queenUrl(), context.env().env());
        Node node;
        try (QueenSession session = NodeCalls.open(context)) {
            int port = ssh.sshPort == null ? AddNodeRequest.DEFAULT_SSH_PORT : ssh.sshPort;
            if (!context.json()) {
                context.console().note("[queen-rbee] 🔌 Testing SSH connection to " + ssh.sshHost + ":" + port
                        + " as " + ssh.sshUser + "...");
            }
            String key = ssh.keyPath(context.env().env());
            node = NodeCalls.sendAsking(context, ssh.acceptHostKey, accept -> session.client(NodeCalls.TIMEOUT)
                    .addNode(new AddNodeRequest(name, ssh.sshHost, ssh.sshPort, ssh.sshUser, key, ssh.installPath,
                            null, null, accept)));
        } catch (RbeeException e) {
            return NodeCalls.fail(context, e, name);
        }
        if (context.json()) {
            context.console().result(context.env().json().write(node));
        } else {
            context.console().result("✅ SSH connection successful! Node '" + node.nodeName() + "' saved to registry");
            if (node.installedVersion() == null) {
                context.console().note("💡 Next: rbee-keeper setup install --node " + node.nodeName());
            }
        }
        return KeeperCli.OK;
    }
}
