package dev.rbee.keeper.cli.setup;

import dev.rbee.contract.Version;
import dev.rbee.contract.client.QueenClient;
import dev.rbee.contract.client.SseResponse;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.queen.InstallRequest;
import dev.rbee.contract.queen.Node;
import dev.rbee.contract.sse.CompleteEvent;
import dev.rbee.contract.sse.NarrationEvent;
import dev.rbee.contract.sse.ProgressEvent;
import dev.rbee.contract.sse.SseEvent;
import dev.rbee.contract.sse.SseEventStream;
import dev.rbee.keeper.cli.CliContext;
import dev.rbee.keeper.cli.ErrorContext;
import dev.rbee.keeper.cli.GlobalOptions;
import dev.rbee.keeper.cli.KeeperCli;
import dev.rbee.keeper.cli.KeeperCommand;
import dev.rbee.keeper.cli.infer.Formats;
import dev.rbee.keeper.cli.infer.ProgressLine;
import dev.rbee.keeper.nodes.InstallStream;
import dev.rbee.keeper.queen.QueenSession;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code setup install --node <name>} (cli.md §6): queen copies its distribution to the node; narration and the
 * copy bar go to stderr, the result line to stdout. Ctrl+C closes the stream, which makes queen abort the copy.
 */
@Command(name = "install", description = "Install rbee on a registered node (queen copies its own distribution).")
public final class InstallCommand implements KeeperCommand {
    /** The emoji cli.md shows before each narration of the install stream. */
    private static final Map<String, String> MARKS = Map.of("ssh_connect", "🔌 ", "java_check", "☕ ",
            "verify", "🔍 ", "hive_stop", "🛑 ");

    @Mixin
    GlobalOptions globals;
    @Option(names = {"--node", "--name"}, paramLabel = "<node>", required = true, description = "Registered node")
    String node;
    @Option(names = "--accept-host-key", paramLabel = "<SHA256:…>",
            description = "Trust this host key fingerprint if the node's key is not known yet")
    String acceptHostKey;

    @Override
    public boolean streaming() {
        return true;
    }

    @Override
    public int execute(CliContext context) {
        if (Node.LOCALHOST.equals(node)) {
            context.console().result(context.json() ? "{\"node\":\"localhost\",\"installed\":false}"
                    : "✅ localhost uses this machine's installation; nothing to install");
            return KeeperCli.OK;
        }
        ErrorContext errors = new ErrorContext("setup install", context.env().home(), node, null, null);
        try (QueenSession session = NodeCalls.open(context)) {
            QueenClient queen = session.client(Duration.ofSeconds(60));
            String target = queen.listNodes().nodes().stream().filter(n -> node.equals(n.nodeName()))
                    .map(Node::installPath).findFirst().orElse(node);
            return NodeCalls.sendAsking(context, acceptHostKey, accept -> run(context, queen, accept, target));
        } catch (RbeeException e) {
            context.printError(e, errors, true);
            return KeeperCli.FAILED;
        }
    }

    private int run(CliContext context, QueenClient queen, String accept, String target) {
        try (SseResponse stream = queen.install(node, new InstallRequest(accept))) {
            context.interrupts().onFirstInterrupt(stream::close);
            try {
                return follow(context, stream.events(), target);
            } finally {
                context.interrupts().clearAction();
            }
        }
    }

    /** {@code target} is the install path the bar names (the registry's, already expanded on the node). */
    private int follow(CliContext context, SseEventStream events, String target) {
        ProgressLine bar = new ProgressLine(context.console(), context.console().errIsTerminal());
        Optional<CompleteEvent> complete;
        try {
            complete = InstallStream.follow(events, new InstallStream.Listener() {
                @Override
                public void event(SseEvent event, String json) {
                    if (context.json()) {
                        context.console().result(json);
                    }
                }

                @Override
                public void narration(NarrationEvent n) {
                    if (!context.json()) {
                        bar.finish();
                        context.console().note("[" + n.actor() + "] " + MARKS.getOrDefault(n.action(), "")
                                + n.human());
                    }
                }

                @Override
                public void copied(ProgressEvent p, double fraction) {
                    if (!context.json()) {
                        bar.update("Copying rbee " + Version.CURRENT + " to " + target, fraction, percent(p) + " "
                                + Formats.bytes(p.bytesTotal()));
                    }
                }
            });
        } finally {
            bar.finish();
        }
        if (complete.isPresent()) {
            if (!context.json()) {
                context.console().result("✅ rbee " + complete.get().version() + " installed on " + node + " at "
                        + complete.get().installPath());
            }
            return KeeperCli.OK;
        }
        if (context.interrupts().happened()) {
            context.console().note("🛑 Install aborted; run it again to start over");
            return KeeperCli.INTERRUPTED;
        }
        throw InstallStream.endedWithoutResult();
    }

    private static String percent(ProgressEvent p) {
        return (p.bytesTotal() > 0 ? 100 * p.bytesDone() / p.bytesTotal() : 0) + "%";
    }
}
