package dev.rbee.keeper.cli.setup;

import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.queen.NodesList;
import dev.rbee.keeper.cli.CliContext;
import dev.rbee.keeper.cli.ErrorContext;
import dev.rbee.keeper.cli.KeeperCli;
import dev.rbee.keeper.queen.QueenSession;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** What add-node and update-node share: the 45 s limit, the host-key question, and failure output (cli.md §6). */
public final class NodeCalls {
    /**
     * cli.md §1: setup add-node/update-node/remove-node and config set-ssh may take 45 s (three 10 s SSH attempts and
     * more); import-ssh-config's adds are add-node's, so they get the same limit each.
     */
    public static final Duration TIMEOUT = Duration.ofSeconds(45);

    private NodeCalls() {
    }

    /**
     * Sends {@code call(acceptHostKey)}; after HOST_KEY_UNKNOWN on a terminal the user is asked and, on yes, the
     * call is sent again with the shown fingerprint.
     */
    public static <T> T sendAsking(CliContext context, String acceptHostKey, Function<String, T> call) {
        try {
            return call.apply(acceptHostKey);
        } catch (RbeeException e) {
            Optional<String> accepted = acceptHostKey == null ? HostKeyPrompt.ask(e, context) : Optional.empty();
            if (accepted.isEmpty()) {
                throw e;
            }
            return call.apply(accepted.get());
        }
    }

    /** The registry as queen lists it: {@code localhost} first, then by name. */
    public static NodesList list(CliContext context) {
        try (QueenSession session = open(context)) {
            return session.client().listNodes();
        }
    }

    public static QueenSession open(CliContext context) {
        return context.openQueen(QueenSession.Need.AUTO_START);
    }

    /** The attempt lines come before the error line (cli.md §6), then the usual error layout with the node. */
    public static int fail(CliContext context, RbeeException e, String node) {
        if (!context.json()) {
            attemptLines(e).forEach(context.console()::note);
        }
        ErrorContext errors = context.errorContext();
        context.printError(e, new ErrorContext(errors.command(), errors.home(), node, null, null), false);
        return KeeperCli.FAILED;
    }

    /** The {@code ⏳ Attempt n/3 failed} lines of a failed SSH test, empty when {@code e} has no attempts. */
    public static List<String> attemptLines(RbeeException e) {
        if (!(e.details().get("attempts") instanceof List<?> attempts)) {
            return List.of();
        }
        return attempts.stream().filter(a -> a instanceof Map<?, ?>)
                .map(a -> attemptLine((Map<?, ?>) a, attempts.size())).toList();
    }

    static String attemptLine(Map<?, ?> a, int total) {
        long delay = a.get("delay_ms") instanceof Number n ? n.longValue() : 0;
        return "  ⏳ Attempt " + a.get("attempt") + "/" + Math.max(3, total) + " failed: " + a.get("error")
                + (delay > 0 ? " (delay " + delay + "ms)" : "");
    }
}
