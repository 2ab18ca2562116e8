package dev.rbee.keeper.cli.config;

import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.queen.AddNodeRequest;
import dev.rbee.contract.queen.Node;
import dev.rbee.contract.queen.UpdateNodeRequest;
import dev.rbee.keeper.KeeperErrors;
import dev.rbee.keeper.cli.CliContext;
import dev.rbee.keeper.cli.GlobalOptions;
import dev.rbee.keeper.cli.KeeperCli;
import dev.rbee.keeper.cli.KeeperCommand;
import dev.rbee.keeper.cli.setup.NodeCalls;
import dev.rbee.keeper.cli.setup.SshOptions;
import dev.rbee.keeper.queen.QueenSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code config set-ssh} (cli.md §7): {@code setup add-node} when the node is not registered, otherwise
 * {@code setup update-node} with the given fields, with their requests, checks and messages; the result line says
 * which it was. Whether the node exists is asked first ({@code GET /v2/registry/beehives/list}).
 */
@Command(name = "set-ssh", description = "Set a node's SSH settings: adds the node if it is new, else updates it.")
public final class ConfigSetSshCommand implements KeeperCommand {
    static final String ADDED = "added";
    static final String UPDATED = "updated";

    @Mixin
    GlobalOptions globals;
    @Option(names = {"--node", "--name"}, paramLabel = "<name>", required = true,
            description = "Node name ([a-z0-9][a-z0-9-]{0,62})")
    String name;
    @Option(names = "--host", paramLabel = "<host>", description = "Host name or IP (required for a new node)")
    String host;
    @Option(names = "--user", paramLabel = "<user>", description = "SSH user on the node (required for a new node)")
    String user;
    @Option(names = "--port", paramLabel = "<port>", description = "SSH port (default 22 for a new node)")
    Integer port;
    @Option(names = "--key", paramLabel = "<path>",
            description = "Private key on this machine (default: ssh-agent, then ~/.ssh/id_ed25519, id_ecdsa, id_rsa)")
    String key;
    @Option(names = "--install-path", paramLabel = "<path>",
            description = "Where rbee lives on the node; ~/ is the SSH user's home there (new node: ~/rbee)")
    String installPath;
    @Option(names = "--accept-host-key", paramLabel = "<SHA256:…>",
            description = "Trust this host key fingerprint if the node is not known yet")
    String acceptHostKey;

    @Override
    public int execute(CliContext context) {
        String keyPath = SshOptions.expandKey(key, context.env().env());
        SshOptions.checkLocally("--port", port, keyPath, context.queenUrl());
        Node node;
        String action;
        try (QueenSession session = NodeCalls.open(context)) {
            Optional<Node> stored = session.client().listNodes().nodes().stream()
                    .filter(n -> n.nodeName().equals(name)).findFirst();
            action = stored.isPresent() ? UPDATED : ADDED;
            node = stored.isPresent() ? update(context, session, stored.get(), keyPath)
                    : add(context, session, keyPath);
        } catch (RbeeException e) {
            return NodeCalls.fail(context, e, name);
        }
        print(context, node, action);
        return KeeperCli.OK;
    }

    private Node add(CliContext context, QueenSession session, String keyPath) {
        if (host == null || user == null) {
            List<String> missing = new ArrayList<>();
            if (host == null) {
                missing.add("'--host=<host>'");
            }
            if (user == null) {
                missing.add("'--user=<user>'");
            }
            throw KeeperErrors.usage("Missing required option(s) for the new node '" + name + "': "
                    + String.join(", ", missing));
        }
        announce(context, host, port == null ? AddNodeRequest.DEFAULT_SSH_PORT : port, user);
        return NodeCalls.sendAsking(context, acceptHostKey, accept -> session.client(NodeCalls.TIMEOUT)
                .addNode(new AddNodeRequest(name, host, port, user, keyPath, installPath, null, null, accept)));
    }

    private Node update(CliContext context, QueenSession session, Node stored, String keyPath) {
        if (host == null && port == null && user == null && key == null && installPath == null
                && acceptHostKey == null) {
            throw KeeperErrors.usage("Nothing to update: give at least one of --host, --port, --user, --key, "
                    + "--install-path");
        }
        // The built-in localhost has no SSH settings; queen refuses the change, so nothing is tested.
        if (stored.sshHost() != null && (host != null || port != null || user != null || key != null
                || installPath != null)) {
            announce(context, host == null ? stored.sshHost() : host, port == null ? stored.sshPort() : port,
                    user == null ? stored.sshUser() : user);
        }
        return NodeCalls.sendAsking(context, acceptHostKey, accept -> session.client(NodeCalls.TIMEOUT)
                .updateNode(new UpdateNodeRequest(name, host, port, user, keyPath, installPath, null, null,
                        accept)));
    }

    /** The line {@code setup add-node} prints as the request is sent. */
    private static void announce(CliContext context, String host, Integer port, String user) {
        if (!context.json()) {
            context.console().note("[queen-rbee] 🔌 Testing SSH connection to " + host + ":" + port + " as " + user
                    + "...");
        }
    }

    private static void print(CliContext context, Node node, String action) {
        if (context.json()) {
            context.console().result(context.env().json().write(withAction(context, node, action)));
            return;
        }
        context.console().result("✅ SSH settings for '" + node.nodeName() + "' saved (" + action + ")");
        if (ADDED.equals(action) && node.installedVersion() == null) {
            context.console().note("💡 Next: rbee-keeper setup install --node " + node.nodeName());
        }
    }

    /** cli.md §7: the node object of §6.2 plus {@code "action"}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> withAction(CliContext context, Node node, String action) {
        Map<String, Object> object = new LinkedHashMap<>(context.env().json().convert(node, Map.class));
        object.put("action", action);
        return object;
    }
}
