package dev.rbee.keeper.cli.config;

import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.queen.Node;
import dev.rbee.keeper.KeeperErrors;
import dev.rbee.keeper.cli.CliContext;
import dev.rbee.keeper.cli.GlobalOptions;
import dev.rbee.keeper.cli.KeeperCommand;
import dev.rbee.keeper.cli.Prompts;
import dev.rbee.keeper.cli.setup.NodeCalls;
import dev.rbee.keeper.cli.setup.SshOptions;
import dev.rbee.keeper.queen.QueenSession;
import dev.rbee.keeper.sshconfig.ImportCandidates;
import dev.rbee.keeper.sshconfig.SshConfig;
import dev.rbee.keeper.sshconfig.SshConfigException;
import dev.rbee.keeper.sshconfig.SshHost;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code config import-ssh-config} (cli.md §7): the concrete {@code Host} aliases of an OpenSSH client config become
 * nodes, each added exactly as {@code setup add-node} adds one. The file is read (and every alias checked) before
 * queen is contacted, so a wrong path or alias never starts a queen.
 */
@Command(name = "import-ssh-config", description = "Add the hosts of an OpenSSH client config as nodes.")
public final class ConfigImportSshConfigCommand implements KeeperCommand {
    @Mixin
    GlobalOptions globals;
    @Option(names = "--file", paramLabel = "<path>", description = "OpenSSH client config (default ~/.ssh/config)")
    String file;
    @Option(names = "--host", paramLabel = "<alias>", description = "Import only this Host (repeatable; default all)")
    List<String> hosts;
    @Option(names = "--install-path", paramLabel = "<path>",
            description = "Where rbee lives on each node; ~/ is the SSH user's home there (default ~/rbee)")
    String installPath;
    @Option(names = "--yes", description = "Import every selected host without asking")
    boolean yes;

    @Override
    public int execute(CliContext context) {
        Map<String, String> env = context.env().env();
        Path home = Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));
        Path path = configPath(home);
        SshConfig config = read(path, home, localUser(env));
        List<String> selected = select(config, path);
        ImportReport report = new ImportReport(context);
        try (QueenSession session = NodeCalls.open(context)) {
            Set<String> registered = session.client().listNodes().nodes().stream().map(Node::nodeName)
                    .collect(Collectors.toSet());
            List<SshHost> candidates = candidates(config, selected, registered, report);
            if (!yes && !Prompts.canAsk(context) && !candidates.isEmpty()) {
                return report.candidatesOnly(candidates);
            }
            for (SshHost host : candidates) {
                if (context.interrupts().happened()) {
                    break;
                }
                report.offered();
                if (yes || Prompts.ask(context, question(host))) {
                    add(context, session, host, report);
                }
            }
        } catch (RbeeException e) {
            return NodeCalls.fail(context, e, null);
        }
        return report.finish();
    }

    /** {@code --file} with {@code ~} expanded, as a shell would have done for an unquoted path. */
    private Path configPath(Path home) {
        String given = file == null ? "~/.ssh/config" : file;
        String expanded = given.equals("~") ? home.toString()
                : given.startsWith("~/") ? home + given.substring(1) : given;
        try {
            return Path.of(expanded).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw KeeperErrors.usage("Invalid SSH config path '" + given + "': " + e.getReason());
        }
    }

    private static SshConfig read(Path path, Path home, String localUser) {
        try {
            return SshConfig.read(path, home, localUser);
        } catch (SshConfigException e) {
            throw KeeperErrors.usage(e.getMessage());
        }
    }

    /** {@code User} of hosts without one: the local user, as ssh would log in. */
    private static String localUser(Map<String, String> env) {
        return Optional.ofNullable(env.get("USER")).or(() -> Optional.ofNullable(env.get("LOGNAME")))
                .orElse(System.getProperty("user.name"));
    }

    /** Every alias of the file, or the {@code --host} ones, which must all be in it. */
    private List<String> select(SshConfig config, Path path) {
        if (hosts == null || hosts.isEmpty()) {
            return config.aliases();
        }
        List<String> unknown = hosts.stream().filter(h -> !config.aliases().contains(h)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw KeeperErrors.usage("No Host " + unknown.stream().map(h -> "'" + h + "'")
                    .collect(Collectors.joining(", ")) + " in " + path);
        }
        return List.copyOf(new LinkedHashSet<>(hosts));
    }

    /** The selected aliases that can become nodes; the others are reported as skipped, in the file's order. */
    private static List<SshHost> candidates(SshConfig config, List<String> selected, Set<String> registered,
                                            ImportReport report) {
        ImportCandidates found = ImportCandidates.of(config, selected, registered);
        found.skipped().forEach(s -> report.skip(s.alias(), s.reason()));
        return found.candidates();
    }

    private static String question(SshHost host) {
        return "Add node '" + host.alias() + "' (" + host.destination() + ", key " + host.keyShown() + ")? [y/N] ";
    }

    /** As {@code setup add-node}: the local key check, the announcement, the host-key rules of cli.md §6.1. */
    private void add(CliContext context, QueenSession session, SshHost host, ImportReport report) {
        try {
            SshOptions.checkLocally("Port", null, host.keyPath(), context.queenUrl());
            if (!context.json()) {
                context.console().note("[queen-rbee] 🔌 Testing SSH connection to " + host.hostName() + ":"
                        + host.port() + " as " + host.user() + "...");
            }
            Node node = NodeCalls.sendAsking(context, null, accept -> session.client(NodeCalls.TIMEOUT)
                    .addNode(ImportCandidates.request(host, installPath, accept)));
            report.imported(node);
        } catch (RbeeException e) {
            report.failed(host.alias(), e);
        }
    }
}
